using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// One parsed pipeline stage. Parsing validates the spec once; <see cref="Execute"/> may run many times
/// (a $lookup sub-pipeline runs once per outer document). [Immutable - ThreadSafe]
/// </summary>
internal abstract class Stage
{
    public abstract string Name { get; }

    /// <summary>Transforms the input stream; lazy where the stage allows it.</summary>
    public abstract IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime);
}

/// <summary>What a running pipeline sees: the engine, the variables in scope and the fixed $$NOW. [Immutable - ThreadSafe]</summary>
internal sealed class StageRuntime
{
    public required string Database { get; init; }

    public required IAggregationHost Host { get; init; }

    public required IReadOnlyDictionary<string, BsonValue> Variables { get; init; }

    public required DateTime Now { get; init; }

    /// <summary>Text scores of this run's documents; shared with sub-pipelines.</summary>
    public DocumentMetadata Metadata { get; init; } = new();

    /// <summary>A fresh context for one stream of documents (reset per document with <see cref="ExprContext.Reset"/>).</summary>
    public ExprContext NewContext(BsonDocument? root = null) =>
        new(root ?? new BsonDocument(), Variables, Now) { TextScoreOf = Metadata.TextScoreOf };

    /// <summary>The same runtime with more variables in scope (a $lookup's let).</summary>
    public StageRuntime WithVariables(IReadOnlyDictionary<string, BsonValue> extra)
    {
        var merged = new Dictionary<string, BsonValue>(Variables);
        foreach (var (name, value) in extra) merged[name] = value;
        return new StageRuntime { Database = Database, Host = Host, Variables = merged, Now = Now, Metadata = Metadata };
    }
}
