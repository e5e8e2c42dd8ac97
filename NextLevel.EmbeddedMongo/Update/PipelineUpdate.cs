using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Update;

/// <summary>
/// A pipeline-style update (an array of $addFields/$set, $project/$unset, $replaceRoot/$replaceWith, $fill stages),
/// run by the aggregation engine over the single document. The result replaces the document, keeping its _id.
/// </summary>
internal sealed class PipelineUpdate : UpdateExecutor
{
    private static readonly HashSet<string> AllowedStages = new(StringComparer.Ordinal)
    {
        "$addFields", "$set", "$project", "$unset", "$replaceRoot", "$replaceWith", "$fill",
    };

    private readonly BsonArray _stages;
    private readonly IReadOnlyDictionary<string, BsonValue>? _variables;

    public PipelineUpdate(BsonArray stages, IReadOnlyDictionary<string, BsonValue>? variables)
    {
        if (stages.Any(stage => stage is not BsonDocument))
        {
            throw MongoError.TypeMismatch("Each element of the 'pipeline' array must be an object");
        }
        _stages = stages.DeepClone().AsBsonArray;
        _variables = variables;
        // The aggregation parser validates every stage first (shape, names, arguments), as the server does;
        // only then are valid stages that cannot run inside an update refused.
        Compile(DateTime.UtcNow);
        foreach (var stage in _stages)
        {
            var name = stage.AsBsonDocument.GetElement(0).Name;
            if (!AllowedStages.Contains(name))
            {
                throw new MongoError(ErrorCode.InvalidOptions, $"{name} is not allowed to be used within an update");
            }
        }
    }

    public override BsonDocument Apply(BsonDocument document, UpdateApplyContext context, bool isInsert)
    {
        var results = Compile(context.Now).Execute([document.DeepClone().AsBsonDocument]).ToList();
        if (results.Count != 1)
        {
            throw new MongoError(ErrorCode.BadValue, "An update pipeline must produce exactly one document.");
        }
        var result = IdField.KeepOriginalId(document, results[0]);
        IdField.EnsureUnchanged(document, result);
        return result;
    }

    private Pipeline Compile(DateTime now) => Pipeline.Parse(_stages, new AggregationContext
    {
        Database = string.Empty,
        Host = NoCollections.Instance,
        Variables = _variables,
        Now = now,
    });

    /// <summary>Update pipelines cannot read other collections (the allowed stages never ask).</summary>
    private sealed class NoCollections : IAggregationHost
    {
        public static readonly NoCollections Instance = new();

        public IEnumerable<BsonDocument> Scan(string database, string collection) => [];
    }
}
