using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>The arguments of a find command, validated as MongoDB validates them.</summary>
internal sealed class FindRequest
{
    public required BsonDocument Filter { get; init; }

    public BsonDocument? Sort { get; init; }

    public BsonDocument? Projection { get; init; }

    public BsonValue? Hint { get; init; }

    public long Skip { get; init; }

    public long? Limit { get; init; }

    public int? FirstBatchSize { get; init; }

    public bool SingleBatch { get; init; }

    private static readonly string[] IndexBoundArguments = ["min", "max"];

    public static FindRequest Parse(BsonDocument command)
    {
        if (command.OptionalBool("tailable"))
            throw MongoError.BadValue("error processing query: tailable cursor requested on non capped collection");
        foreach (var unsupported in IndexBoundArguments)
        {
            if (command.OptionalDocument(unsupported) is { ElementCount: > 0 })
                throw new MongoError(ErrorCode.NotImplemented, $"find with '{unsupported}' index bounds is not supported by this server");
        }
        if (command.OptionalBool("returnKey") || command.OptionalBool("showRecordId"))
            throw new MongoError(ErrorCode.NotImplemented, "find with returnKey or showRecordId is not supported by this server");
        CommandArguments.RequireSimpleCollation(command.GetValue("collation", BsonNull.Value));

        var skip = command.OptionalLong("skip") ?? 0;
        if (skip < 0) throw NonNegative("skip", skip);
        var limit = command.OptionalLong("limit");
        var singleBatch = command.OptionalBool("singleBatch");
        if (limit < 0)
        {
            // The legacy form: a negative limit asks for one batch of at most |limit| documents.
            limit = -limit;
            singleBatch = true;
        }
        if (limit == 0) limit = null;
        var batchSize = command.OptionalLong("batchSize");
        if (batchSize < 0) throw NonNegative("batchSize", batchSize.Value);

        int? firstBatch = batchSize is null ? null : (int)Math.Min(batchSize.Value, int.MaxValue);
        if (limit is not null)
        {
            // The first batch never holds more than the limit; a single-batch query may fill it completely.
            var cap = (int)Math.Min(limit.Value, int.MaxValue);
            if (firstBatch is null) firstBatch = singleBatch ? cap : Math.Min(cap, NextLevel.EmbeddedMongo.Cursors.BatchBuilder.DefaultFirstBatchSize);
            else if (firstBatch > 0) firstBatch = Math.Min(firstBatch.Value, cap);
        }

        var sort = command.OptionalDocument("sort");
        return new FindRequest
        {
            Filter = command.OptionalDocument("filter") ?? [],
            Sort = sort is { ElementCount: > 0 } ? sort : null,
            Projection = command.OptionalDocument("projection") is { ElementCount: > 0 } projection ? projection : null,
            Hint = command.TryGetValue("hint", out var hint) && !hint.IsBsonNull ? hint : null,
            Skip = skip,
            Limit = limit,
            FirstBatchSize = firstBatch,
            SingleBatch = singleBatch,
        };
    }

    /// <summary>The executable query; <paramref name="presorted"/> when the plan already yields the sort order.</summary>
    public DocumentQuery ToQuery(FilterOptions options, bool presorted) => new()
    {
        Filter = Query.Filter.Parse(Filter, options),
        MatchesEverything = Filter.ElementCount == 0,
        Sort = Sort is null || presorted ? null : SortSpec.Parse(Sort),
        SortFields = Sort is null || presorted || Sort.Names.Any(name => name.StartsWith('$')) || Sort.Values.Any(value => value is BsonDocument)
            ? null : Sort.Names.ToHashSet(StringComparer.Ordinal),
        Projection = Projection is null ? null : Query.Projection.Parse(Projection, options),
        ProjectedFields = Projection is null ? null : ProjectedFieldsOf(Projection),
        Skip = Skip,
        Limit = Limit,
    };

    /// <summary>
    /// An inclusion projection's top-level fields; null for an exclusion, or one that reads by match position ("a.$"),
    /// $elemMatch or $meta, which need the matched document whole.
    /// </summary>
    private static IReadOnlySet<string>? ProjectedFieldsOf(BsonDocument projection)
    {
        foreach (var element in projection)
        {
            if (element.Name.Contains('$', StringComparison.Ordinal)) return null;
            if (element.Value is BsonDocument operators && operators.Names.Any(name => name is "$elemMatch" or "$meta")) return null;
        }
        return Aggregation.PipelineDependencies.Paths([new BsonDocument("$project", projection)]);
    }

    private static MongoError NonNegative(string field, long value) =>
        MongoError.Location(51024, $"BSON field '{field}' value must be >= 0, actual value '{value}'");
}
