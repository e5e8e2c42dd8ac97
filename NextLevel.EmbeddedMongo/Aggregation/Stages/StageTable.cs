using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>Parses one stage spec (the value of <c>{ $name: spec }</c>).</summary>
internal delegate Stage StageParser(BsonValue spec, PipelineParseContext context);

/// <summary>Where a pipeline is being parsed, for the stages that are only allowed in some places.</summary>
internal sealed record PipelineParseContext(AggregationContext Aggregation, string? EnclosingStage)
{
    public PipelineParseContext Nested(string stage) => this with { EnclosingStage = stage };
}

/// <summary>Every supported stage by name. [Immutable after type init - ThreadSafe]</summary>
internal static class StageTable
{
    private static readonly Dictionary<string, StageParser> Parsers = new(StringComparer.Ordinal)
    {
        ["$match"] = MatchStage.Parse,
        ["$project"] = ProjectStage.Parse,
        ["$addFields"] = (spec, _) => AddFieldsStage.Parse("$addFields", spec),
        ["$set"] = (spec, _) => AddFieldsStage.Parse("$set", spec),
        ["$unset"] = (spec, _) => ProjectStage.ParseUnset(spec),
        ["$group"] = (spec, _) => GroupStage.Parse(spec),
        ["$sort"] = (spec, _) => SortStage.Parse(spec),
        ["$skip"] = (spec, _) => SkipStage.Parse(spec),
        ["$limit"] = (spec, _) => LimitStage.Parse(spec),
        ["$count"] = (spec, _) => CountStage.Parse(spec),
        ["$unwind"] = (spec, _) => UnwindStage.Parse(spec),
        ["$lookup"] = LookupStage.Parse,
        ["$facet"] = FacetStage.Parse,
        ["$bucket"] = (spec, _) => BucketStage.Parse(spec),
        ["$bucketAuto"] = (spec, _) => BucketAutoStage.Parse(spec),
        ["$sortByCount"] = (spec, _) => SortByCountStage.Parse(spec),
        ["$replaceRoot"] = (spec, _) => ReplaceRootStage.Parse("$replaceRoot", spec),
        ["$replaceWith"] = (spec, _) => ReplaceRootStage.Parse("$replaceWith", spec),
        ["$unionWith"] = UnionWithStage.Parse,
        ["$sample"] = (spec, _) => SampleStage.Parse(spec),
        ["$documents"] = (spec, _) => DocumentsStage.Parse(spec),
        ["$redact"] = (spec, _) => RedactStage.Parse(spec),
        ["$graphLookup"] = GraphLookupStage.Parse,
        ["$setWindowFields"] = (spec, _) => SetWindowFieldsStage.Parse(spec),
        ["$fill"] = (spec, _) => FillStage.Parse(spec),
    };

    /// <summary>Stages MongoDB has that this engine does not run; they fail clearly instead of as unknown names.</summary>
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "$densify", "$geoNear", "$collStats", "$indexStats", "$currentOp",
        "$listSessions", "$listLocalSessions", "$planCacheStats", "$changeStream", "$search", "$searchMeta", "$vectorSearch",
        "$listSearchIndexes", "$shardedDataDistribution", "$changeStreamSplitLargeEvent",
    };

    public static StageParser Find(string name)
    {
        if (Parsers.TryGetValue(name, out var parser)) return parser;
        if (Unsupported.Contains(name))
            throw new MongoError(ErrorCode.NotImplemented, $"The {name} stage is not supported by NextLevel.EmbeddedMongo");
        throw new MongoError(ErrorCode.Location40324, $"Unrecognized pipeline stage name: '{name}'");
    }
}
