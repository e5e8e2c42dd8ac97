using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation;

/// <summary>
/// A parsed aggregation pipeline. CONTRACT (owned by the Aggregation part):
/// Parse validates every stage (MongoError on bad input); Execute streams documents through the stages
/// except a terminal $out/$merge, which is returned as <see cref="Output"/> for the command layer to write.
/// </summary>
public sealed class Pipeline
{
    public static Pipeline Parse(BsonArray stages, AggregationContext context) => throw new NotImplementedException();

    /// <summary>The terminal $out or $merge stage, if any; the command layer performs the write.</summary>
    public OutputStage? Output => throw new NotImplementedException();

    public IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> source) => throw new NotImplementedException();
}

/// <summary>A terminal $out or $merge, parsed.</summary>
public abstract record OutputStage(string Database, string Collection);

/// <summary>What stages need from the engine: other collections ($lookup, $unionWith), variables and time.</summary>
public sealed class AggregationContext
{
    public required string Database { get; init; }

    public required IAggregationHost Host { get; init; }

    public IReadOnlyDictionary<string, BsonValue>? Variables { get; init; }

    public DateTime Now { get; init; } = DateTime.UtcNow;
}

/// <summary>Read access to other collections of the engine, under the caller's read lock.</summary>
public interface IAggregationHost
{
    /// <summary>The documents of a collection; empty when it does not exist.</summary>
    IEnumerable<BsonDocument> Scan(string database, string collection);
}
