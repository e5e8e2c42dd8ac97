using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary>
/// An aggregation expression (<c>"$field"</c>, <c>{ $add: [...] }</c>, literals, <c>"$$var"</c>).
/// CONTRACT (owned by the Aggregation part): Parse throws MongoError for invalid expressions;
/// Evaluate returns C# null for a missing value (distinct from BsonNull).
/// </summary>
public abstract class Expr
{
    public static Expr Parse(BsonValue spec) => throw new NotImplementedException();

    public abstract BsonValue? Evaluate(ExprContext context);
}

/// <summary>What an expression is evaluated against: $$ROOT, $$CURRENT, variables and $$NOW.</summary>
public sealed class ExprContext
{
    public ExprContext(BsonDocument root, IReadOnlyDictionary<string, BsonValue>? variables = null, DateTime? now = null)
    {
        Root = root;
        Current = root;
        Variables = variables is null ? new Dictionary<string, BsonValue>() : new Dictionary<string, BsonValue>(variables);
        Now = now ?? DateTime.UtcNow;
    }

    public BsonDocument Root { get; }

    public BsonValue Current { get; set; }

    /// <summary>User variables ($$name) without the $$ prefix; $let/$map/$filter push and pop their own.</summary>
    public Dictionary<string, BsonValue> Variables { get; }

    public DateTime Now { get; }
}
