using System.Text.RegularExpressions;

namespace NextLevel.Api.Leads;

/// <summary>Tags are lower-case words of letters, digits, '-', '_' and ':', 1 to 40 characters; at most 20 per lead.</summary>
internal static partial class LeadTags
{
    public const int MaxTags = 20;
    public const string Rule = "A tag is 1 to 40 characters of letters, digits, '-', '_' or ':'.";

    public static string? Normalise(string? tag)
    {
        var value = tag?.Trim().ToLowerInvariant();
        return value is not null && Pattern().IsMatch(value) ? value : null;
    }

    [GeneratedRegex("^[a-z0-9_:-]{1,40}$")]
    private static partial Regex Pattern();
}
