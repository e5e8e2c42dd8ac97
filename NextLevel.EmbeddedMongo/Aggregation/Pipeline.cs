using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Stages;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation;

/// <summary>
/// A parsed aggregation pipeline. CONTRACT (owned by the Aggregation part):
/// Parse validates every stage (MongoError on bad input); Execute streams documents through the stages
/// except a terminal $out/$merge, which is returned as <see cref="Output"/> for the command layer to write.
/// [Immutable - ThreadSafe] a parsed pipeline may be executed repeatedly and concurrently.
/// </summary>
public sealed class Pipeline
{
    private readonly AggregationContext _context;

    private Pipeline(IReadOnlyList<Stage> stages, OutputStage? output, AggregationContext context)
    {
        Stages = stages;
        Output = output;
        _context = context;
    }

    internal IReadOnlyList<Stage> Stages { get; }

    /// <summary>A pipeline opening with $documents needs no collection to read.</summary>
    internal bool StartsWithDocuments => Stages.Count > 0 && Stages[0] is DocumentsStage;

    public static Pipeline Parse(BsonArray stages, AggregationContext context) =>
        Parse(stages, new PipelineParseContext(context, EnclosingStage: null));

    internal static Pipeline Parse(BsonArray stages, PipelineParseContext context)
    {
        var parsed = new List<Stage>(stages.Count);
        OutputStage? output = null;
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] is not BsonDocument stage || stage.ElementCount != 1)
                throw MongoError.Location(40323, "A pipeline stage specification object must contain exactly one field.");
            var element = stage.GetElement(0);
            var name = element.Name;
            if (name is "$out" or "$merge")
            {
                if (context.EnclosingStage is not null)
                    throw MongoError.Location(context.EnclosingStage == "$facet" ? 40600 : 51047,
                        $"{name} is not allowed to be used within a {context.EnclosingStage} stage");
                if (i != stages.Count - 1) throw MongoError.Location(40601, $"{name} can only be the final stage in the pipeline");
                output = name == "$out"
                    ? OutStage.Parse(element.Value, context.Aggregation.Database)
                    : MergeStage.Parse(element.Value, context.Aggregation);
                continue;
            }
            if (name == "$documents" && i != 0)
                throw MongoError.Location(40602, "$documents is only valid as the first stage in a pipeline");
            if (name == "$facet" && context.EnclosingStage == "$facet")
                throw MongoError.Location(40600, "$facet is not allowed to be used within a $facet stage");
            parsed.Add(StageTable.Find(name)(element.Value, context));
        }
        return new Pipeline(Optimize(parsed), output, context.Aggregation);
    }

    /// <summary>$sort directly followed by $limit keeps only the top documents instead of sorting everything.</summary>
    private static List<Stage> Optimize(List<Stage> stages)
    {
        for (var i = 0; i + 1 < stages.Count; i++)
        {
            if (stages[i] is SortStage sort && stages[i + 1] is LimitStage limit)
            {
                stages[i] = sort.WithLimit(limit.Count);
            }
        }
        return stages;
    }

    /// <summary>The terminal $out or $merge stage, if any; the command layer performs the write.</summary>
    public OutputStage? Output { get; }

    public IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> source) => Execute(source, _context.Now, _context.Variables);

    /// <summary>
    /// Runs the parsed pipeline with another $$NOW and variables than it was parsed with, so a pipeline parsed once
    /// (an update pipeline, a cached aggregation) serves many executions.
    /// </summary>
    public IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> source, DateTime now, IReadOnlyDictionary<string, BsonValue>? variables = null) =>
        Execute(source, new StageRuntime
        {
            Database = _context.Database,
            Host = _context.Host,
            Variables = variables ?? _context.Variables ?? new Dictionary<string, BsonValue>(),
            Now = now,
        });

    internal IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> source, StageRuntime runtime)
    {
        var stream = source;
        foreach (var stage in Stages) stream = stage.Execute(stream, runtime);
        return stream;
    }
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

    /// <summary>Fields and weights of the aggregated collection's text index, for a <c>$text</c> in the top-level $match; null when there is none.</summary>
    public IReadOnlyDictionary<string, int>? TextIndexFields { get; init; }
}

/// <summary>Read access to other collections of the engine, under the caller's read lock.</summary>
public interface IAggregationHost
{
    /// <summary>The documents of a collection; empty when it does not exist.</summary>
    IEnumerable<BsonDocument> Scan(string database, string collection);
}
