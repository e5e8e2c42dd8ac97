using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query.Predicates;

namespace NextLevel.EmbeddedMongo.Query.Parsing;

/// <summary>
/// Turns MongoDB (PCRE) regexes into .NET regexes. Options i, m, s, x map to their .NET equivalents; u is
/// accepted (.NET matching is Unicode-aware already). Compiled regexes are cached because the same filter
/// text is parsed again for every query. [Static - ThreadSafe]
/// </summary>
internal static class RegexFactory
{
    private const int CacheLimit = 512;
    private static readonly ConcurrentDictionary<(string Pattern, string Options), Regex> Cache = new();

    public static RegexTest CreateTest(string pattern, string options)
    {
        var normalized = NormalizeOptions(options);
        return new RegexTest(new BsonRegularExpression(pattern, normalized), GetRegex(pattern, normalized));
    }

    public static RegexTest CreateTest(BsonRegularExpression regex) => CreateTest(regex.Pattern, regex.Options);

    public static Regex GetRegex(string pattern, string options)
    {
        if (Cache.TryGetValue((pattern, options), out var cached)) return cached;
        var dotnetOptions = RegexOptions.CultureInvariant | RegexOptions.Compiled;
        foreach (var flag in options)
        {
            dotnetOptions |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => RegexOptions.None,
            };
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, dotnetOptions);
        }
        catch (ArgumentException e)
        {
            throw MongoError.Location(51091, "Regular expression is invalid: " + e.Message);
        }

        // Queries with ever-changing patterns must not grow the cache without bound.
        if (Cache.Count >= CacheLimit) Cache.Clear();
        Cache[(pattern, options)] = regex;
        return regex;
    }

    /// <summary>Validates the flags and returns them sorted, as MongoDB stores regex options.</summary>
    public static string NormalizeOptions(string options)
    {
        foreach (var flag in options)
        {
            if (flag is not ('i' or 'm' or 's' or 'x' or 'u' or 'l'))
            {
                throw MongoError.Location(51108, $"invalid flag in regex options: {flag}");
            }
        }
        var sorted = options.ToCharArray();
        Array.Sort(sorted);
        return new string(sorted);
    }
}
