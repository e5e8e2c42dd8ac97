using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Planner;

/// <summary>
/// The index range of an anchored, case-sensitive regular expression: <c>/^Müll/</c> can only match strings in
/// ["Müll", "Mülm"). Only the literal characters after <c>^</c> are used; a pattern with alternation, or options
/// that change anchoring or case (i, m, x), gives no range.
/// </summary>
internal static class RegexPrefix
{
    private const string MetaCharacters = "\\^$.|?*+()[]{}";

    public static bool TryGetRange(string pattern, string options, out FieldInterval range)
    {
        range = default;
        if (!pattern.StartsWith('^') || pattern.Contains('|', StringComparison.Ordinal) || options.IndexOfAny(['i', 'm', 'x']) >= 0) return false;

        var length = 1;
        while (length < pattern.Length && !MetaCharacters.Contains(pattern[length], StringComparison.Ordinal)) length++;
        var prefix = pattern[1..length];
        // A quantifier makes the character before it optional or repeatable, so it is not part of the fixed prefix.
        if (length < pattern.Length && pattern[length] is '?' or '*' or '{' or '+' && prefix.Length > 0) prefix = prefix[..^1];
        if (prefix.Length == 0 || char.IsSurrogate(prefix[^1]) || prefix[^1] == char.MaxValue) return false;

        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        range = new FieldInterval(IndexBound.At(prefix, inclusive: true), IndexBound.At(upper, inclusive: false));
        return true;
    }

    public static bool TryGetRange(BsonRegularExpression regex, out FieldInterval range) => TryGetRange(regex.Pattern, regex.Options, out range);

    /// <summary>Case variants are spelled out for at most this many leading characters (2^5 = 32 ranges for letters).</summary>
    private const int MaxCaseInsensitiveChars = 5;

    /// <summary>
    /// The index ranges of an anchored, case-insensitive regular expression (<c>/^deon/i</c>): one range per case
    /// variant of its first few literal ASCII characters ("deon", "Deon", "DEON"...). They hold every key the regex
    /// can match; the keys in them are then tested against the whole regex. Under invariant globalization the only
    /// ASCII letter with a third case form is k (the Kelvin sign); a non-ASCII character ends the spelled-out prefix.
    /// </summary>
    public static bool TryGetCaseInsensitiveRanges(string pattern, string options, out FieldInterval[] ranges)
    {
        ranges = [];
        if (!options.Contains('i') || options.IndexOfAny(['m', 'x']) >= 0 || !pattern.StartsWith('^') || pattern.Contains('|', StringComparison.Ordinal)) return false;
        var length = 1;
        while (length < pattern.Length && !MetaCharacters.Contains(pattern[length], StringComparison.Ordinal)) length++;
        var prefix = pattern[1..length];
        if (length < pattern.Length && pattern[length] is '?' or '*' or '{' or '+' && prefix.Length > 0) prefix = prefix[..^1];
        var usable = 0;
        while (usable < prefix.Length && usable < MaxCaseInsensitiveChars && char.IsAscii(prefix[usable])) usable++;
        if (usable == 0) return false;

        var variants = new List<string> { "" };
        foreach (var c in prefix[..usable])
        {
            char[] forms = !char.IsAsciiLetter(c) ? [c]
                : char.ToLowerInvariant(c) == 'k' ? ['K', 'k', '\u212A']
                : [char.ToUpperInvariant(c), char.ToLowerInvariant(c)];
            variants = [.. variants.SelectMany(variant => forms.Select(form => variant + form))];
        }
        ranges = [.. variants.Order(StringComparer.Ordinal).Select(variant =>
            new FieldInterval(IndexBound.At(variant, inclusive: true), IndexBound.At(variant[..^1] + (char)(variant[^1] + 1), inclusive: false)))];
        return true;
    }
}
