using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;

namespace NextLevel.EmbeddedMongo.Query.Filters;

/// <summary><c>$expr</c>: an aggregation expression evaluated on the document, matched when truthy
/// (everything except false, null, undefined, missing and numeric zero).</summary>
internal sealed class ExprFilter(Expr expression, FilterOptions options) : Filter
{
    public override bool Matches(BsonDocument document, MatchDetails? details = null)
    {
        var result = expression.Evaluate(new ExprContext(document, options.Variables, options.Now));
        return IsTruthy(result);
    }

    public static bool IsTruthy(BsonValue? value) => value switch
    {
        null => false,
        BsonBoolean b => b.Value,
        BsonNull or BsonUndefined => false,
        BsonInt32 i => i.Value != 0,
        BsonInt64 l => l.Value != 0,
        BsonDouble d => d.Value != 0,
        BsonDecimal128 m => !Decimal128.IsZero(m.Value),
        _ => true,
    };
}
