using System.Text;

namespace NextLevel.Api.Intake.Providers;

/// <summary>A tag made from a provider's free text ("Website Property Search" → "rg_website_property_search"), kept within the 50-character tag limit.</summary>
internal static class ProviderTag
{
    private const int MaxLength = 50;

    public static string Of(string prefix, string text)
    {
        var builder = new StringBuilder(prefix, MaxLength);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (builder.Length == MaxLength) break;
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }
        return builder.ToString();
    }
}
