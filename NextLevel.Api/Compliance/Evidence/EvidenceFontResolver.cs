using PdfSharp.Fonts;

namespace NextLevel.Api.Compliance.Evidence;

/// <summary>
/// PDFsharp's font resolver for the evidence PDF: every family resolves to DejaVu Sans, embedded in this assembly
/// (Bitstream Vera licence, Compliance/Evidence/Fonts/LICENSE-DejaVu.txt), so no system font is needed on Linux.
/// Bold is simulated. PDFsharp allows the resolver to be set once per process: <see cref="EnsureRegistered"/>.
/// </summary>
public sealed class EvidenceFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string FaceName = "DejaVuSans";
    private const string ResourceName = "NextLevel.Api.Evidence.DejaVuSans.ttf";

    private static readonly Lock Gate = new();
    private static readonly Lazy<byte[]> FontBytes = new(ReadFont);

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new EvidenceFontResolver();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(FaceName, bold, italic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? FontBytes.Value : null;

    private static byte[] ReadFont()
    {
        using var stream = typeof(EvidenceFontResolver).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded evidence font is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
