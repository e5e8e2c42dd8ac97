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
}
