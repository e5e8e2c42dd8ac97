using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary><c>{ a: expr, b: expr }</c>: builds a document; fields whose value is missing are left out.</summary>
internal sealed class ObjectExpr(IReadOnlyList<KeyValuePair<string, Expr>> fields) : Expr
{
    public IReadOnlyList<KeyValuePair<string, Expr>> Fields { get; } = fields;

    public override BsonValue? Evaluate(ExprContext context)
    {
        var document = new BsonDocument();
        foreach (var (name, expr) in Fields)
        {
            var value = expr.Evaluate(context);
            if (value is not null) document[name] = value;
        }
        return document;
    }
}
