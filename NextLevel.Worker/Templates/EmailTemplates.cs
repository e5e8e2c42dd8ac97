using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace NextLevel.Worker.Templates;

/// <summary>A rendered e-mail: subject and plain-text body, unsubscribe line included.</summary>
public sealed record RenderedEmail(string Subject, string TextBody);

/// <summary>
/// E-mail templates shipped as embedded resources (<c>Templates/&lt;name&gt;.txt</c>: a <c>Subject:</c> line, then the
/// body). Placeholders are <c>{field}</c>, filled by plain replacement; every rendered e-mail ends with
/// <see cref="UnsubscribeLine"/>, so no template can leave it out.
/// </summary>
public static partial class EmailTemplates
{
    public const string FollowUpDay1 = "follow_up_day_1";
    public const string FollowUpDay3 = "follow_up_day_3";
    public const string NurtureMarketUpdate = "nurture_market_update";
    public const string NurtureCashOfferExplained = "nurture_cash_offer_explained";

    public const string UnsubscribeLine = "You receive this e-mail because you asked us about your property. To stop these e-mails, reply UNSUBSCRIBE.";

    private const string ResourcePrefix = "NextLevel.Worker.Templates.";

    private static readonly ConcurrentDictionary<string, string?> Sources = new(StringComparer.Ordinal);

    /// <summary>Names of every shipped template.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(EmailTemplates).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^4])
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static bool Exists(string name) => Source(name) is not null;

    /// <summary>Fills the template's placeholders; a field without a value becomes empty, unknown placeholders stay as written.</summary>
    public static RenderedEmail Render(string name, IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var source = Source(name) ?? throw new KeyNotFoundException($"No e-mail template named '{name}'.");
        var filled = Placeholder().Replace(source, m => fields.TryGetValue(m.Groups[1].Value, out var value) ? value ?? "" : m.Value);

        var newline = filled.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = (newline < 0 ? filled : filled[..newline]).TrimEnd('\r');
        if (!firstLine.StartsWith("Subject:", StringComparison.Ordinal))
        {
            throw new FormatException($"E-mail template '{name}' must start with a 'Subject:' line.");
        }

        var body = new StringBuilder(newline < 0 ? "" : filled[(newline + 1)..].Trim())
            .Append("\n\n--\n")
            .Append(UnsubscribeLine)
            .Append('\n');
        return new RenderedEmail(firstLine["Subject:".Length..].Trim(), body.ToString());
    }

    /// <summary>The placeholders a template uses.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string name) =>
        Placeholder().Matches(Source(name) ?? "").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static string? Source(string name) => Sources.GetOrAdd(name, static n =>
    {
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + n + ".txt");
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    });

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
