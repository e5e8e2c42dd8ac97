using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary><c>"$a.b"</c>: a path under $$CURRENT.</summary>
internal sealed class FieldPathExpr(string[] path) : Expr
{
    public string[] Path { get; } = path;

    public string Dotted => string.Join('.', Path);

    public override BsonValue? Evaluate(ExprContext context) => FieldPath.Resolve(context.Current, Path);
}
