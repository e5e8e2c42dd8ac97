using System.Text.RegularExpressions;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary><c>$regex</c> and <c>/pattern/</c> values: matches strings and symbols by the pattern, and regex values that are identical.</summary>
internal sealed class RegexTest(BsonRegularExpression source, Regex regex) : ValueTest
{
    public BsonRegularExpression Source { get; } = source;

    public override bool Test(BsonValue? value, ref int arrayPosition) => value switch
    {
        BsonString s => regex.IsMatch(s.Value),
        BsonSymbol symbol => regex.IsMatch(symbol.Name),
        BsonRegularExpression other => other.Pattern == Source.Pattern && other.Options == Source.Options,
        _ => false,
    };
}
