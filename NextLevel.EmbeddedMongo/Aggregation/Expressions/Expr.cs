using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary>
/// An aggregation expression (<c>"$field"</c>, <c>{ $add: [...] }</c>, literals, <c>"$$var"</c>).
/// CONTRACT (owned by the Aggregation part): Parse throws MongoError for invalid expressions;
/// Evaluate returns C# null for a missing value (distinct from BsonNull).
/// A parsed expression is immutable and may be evaluated concurrently with different contexts.
/// </summary>
public abstract class Expr
{
    public static Expr Parse(BsonValue spec) => ExprParser.Parse(spec);

    public abstract BsonValue? Evaluate(ExprContext context);

    /// <summary>True when the expression always yields the same value (used to fold constants and validate specs).</summary>
    public virtual bool IsConstant => false;
}

/// <summary>
/// What an expression is evaluated against: $$ROOT, $$CURRENT, variables and $$NOW.
/// [Not thread-safe] one context per evaluating thread; operators bind and restore their own variables.
/// </summary>
public sealed class ExprContext
{
    public ExprContext(BsonDocument root, IReadOnlyDictionary<string, BsonValue>? variables = null, DateTime? now = null)
    {
        Root = root;
        Current = root;
        Variables = variables is null ? new Dictionary<string, BsonValue>() : new Dictionary<string, BsonValue>(variables);
        Now = now ?? DateTime.UtcNow;
    }

    public BsonDocument Root { get; private set; }

    public BsonValue Current { get; set; }

    /// <summary>User variables ($$name) without the $$ prefix; $let/$map/$filter push and pop their own.</summary>
    public Dictionary<string, BsonValue> Variables { get; }

    public DateTime Now { get; }

    /// <summary>The text score of a document in the running pipeline, when a $text match recorded one.</summary>
    internal Func<BsonDocument, double?>? TextScoreOf { get; init; }

    /// <summary>
    /// Stands for "missing" inside <see cref="Variables"/>, whose values cannot be C# null
    /// (a $let variable bound to a missing field must read back as missing, not as null).
    /// Compared by reference only.
    /// </summary>
    internal static readonly BsonValue MissingVariable = new BsonString("\u0000missing");

    /// <summary>Points the context at another document, keeping variables, so one context serves a whole stream.</summary>
    internal void Reset(BsonDocument root)
    {
        Root = root;
        Current = root;
    }

    /// <summary>Binds a variable (missing allowed) and returns the previous binding to restore later.</summary>
    internal BsonValue? Bind(string name, BsonValue? value)
    {
        Variables.TryGetValue(name, out var previous);
        Variables[name] = value ?? MissingVariable;
        return previous;
    }

    /// <summary>Undoes <see cref="Bind"/>.</summary>
    internal void Restore(string name, BsonValue? previous)
    {
        if (previous is null) Variables.Remove(name);
        else Variables[name] = previous;
    }
}
