using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary><c>"$$name"</c> or <c>"$$name.a.b"</c>: a system variable (ROOT, CURRENT, NOW, REMOVE, ...) or a user variable.</summary>
internal sealed class VariableExpr(string name, string[] path) : Expr
{
    public string Name { get; } = name;

    public string[] Path { get; } = path;

    public override BsonValue? Evaluate(ExprContext context)
    {
        BsonValue? start = Name switch
        {
            "ROOT" => context.Root,
            "CURRENT" => context.Current,
            "NOW" => new BsonDateTime(context.Now),
            "REMOVE" => null,
            _ => Lookup(context),
        };
        return Path.Length == 0 ? start : FieldPath.Resolve(start, Path);
    }

    private BsonValue? Lookup(ExprContext context)
    {
        if (!context.Variables.TryGetValue(Name, out var value))
        {
            if (Name == "CLUSTER_TIME") return new BsonTimestamp((int)(new DateTimeOffset(context.Now).ToUnixTimeSeconds()), 1);
            throw new MongoError(17276, "Location17276", $"Use of undefined variable: {Name}");
        }
        return ReferenceEquals(value, ExprContext.MissingVariable) ? null : value;
    }
}
