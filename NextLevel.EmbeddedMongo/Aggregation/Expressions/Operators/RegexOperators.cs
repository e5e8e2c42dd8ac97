using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>$regexMatch, $regexFind and $regexFindAll with options i, m, s, x.</summary>
internal static class RegexOperators
{
    /// <summary>Compiled patterns by pattern and options, so a constant regex is built once. [ThreadSafe]</summary>
    private static readonly ConcurrentDictionary<(string Pattern, string Options), Regex> Cache = new();

    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$regexMatch"] = (name, argument) => Parse(name, argument, (regex, input) => regex.IsMatch(input));
        table["$regexFind"] = (name, argument) => Parse(name, argument, (regex, input) =>
        {
            var match = regex.Match(input);
            return match.Success ? Describe(match, input) : BsonNull.Value;
        }, nullResult: BsonNull.Value);
        table["$regexFindAll"] = (name, argument) => Parse(name, argument, (regex, input) =>
            new BsonArray(regex.Matches(input).Select(m => Describe(m, input))), nullResult: new BsonArray());
    }

    private static Expr Parse(string name, BsonValue argument, Func<Regex, string, BsonValue> apply, BsonValue? nullResult = null)
    {
        if (argument is not BsonDocument)
            throw MongoError.Location(51103, $"{name} expects an object of named arguments but found: {ExprValues.TypeName(argument)}");
        var args = Args.Named(name, argument, ["input", "regex"], ["options"], 31024);
        var input = args["input"];
        var pattern = args["regex"];
        args.TryGetValue("options", out var options);
        var onNull = nullResult ?? false;
        return new LambdaExpr(name, context =>
        {
            var inputValue = input.Evaluate(context);
            var regex = Build(name, pattern.Evaluate(context), options?.Evaluate(context));
            if (ExprValues.IsNullish(inputValue)) return onNull;
            if (inputValue is not BsonString s)
                throw MongoError.Location(51104, $"{name} needs 'input' to be of type string");
            return regex is null ? onNull : apply(regex, s.Value);
        });
    }

    private static Regex? Build(string name, BsonValue? patternValue, BsonValue? optionsValue)
    {
        string pattern;
        var flags = string.Empty;
        switch (patternValue)
        {
            case null or BsonNull or BsonUndefined:
                return null;
            case BsonString s:
                pattern = s.Value;
                break;
            case BsonRegularExpression r:
                pattern = r.Pattern;
                flags = r.Options;
                break;
            default:
                throw MongoError.Location(51105, $"{name} needs 'regex' to be of type string or regex");
        }
        if (optionsValue is not null && !ExprValues.IsNullish(optionsValue))
        {
            if (optionsValue is not BsonString o) throw MongoError.Location(51106, $"{name} needs 'options' to be of type string");
            if (flags.Length > 0 && o.Value.Length > 0)
                throw MongoError.Location(51107, $"{name} found regex option(s) specified in both 'regex' and 'option' fields");
            flags = o.Value;
        }
        if (pattern.Contains('\0', StringComparison.Ordinal))
            throw MongoError.Location(51109, $"{name} needs 'regex' pattern to not contain a null byte");
        return Cache.GetOrAdd((pattern, flags), key => Compile(name, key.Pattern, key.Options));
    }

    private static Regex Compile(string name, string pattern, string flags)
    {
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in flags)
        {
            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                'u' => RegexOptions.None,
                _ => throw MongoError.Location(51108, $"{name} invalid flag in regex options: {flag}"),
            };
        }
        try
        {
            return new Regex(pattern, options, TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException e)
        {
            throw MongoError.Location(51111, $"Invalid Regex in {name}: {e.Message}");
        }
    }

    /// <summary>{ match, idx, captures }, idx counted in code points; unmatched groups are null.</summary>
    private static BsonDocument Describe(Match match, string input)
    {
        var captures = new BsonArray();
        for (var i = 1; i < match.Groups.Count; i++)
        {
            captures.Add(match.Groups[i].Success ? new BsonString(match.Groups[i].Value) : BsonNull.Value);
        }
        return new BsonDocument
        {
            { "match", match.Value },
            { "idx", StringOperators.CodePoints(input[..match.Index]).Length },
            { "captures", captures },
        };
    }
}
