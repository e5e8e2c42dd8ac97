using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation;
using NextLevel.EmbeddedMongo.Engine.Queries;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>
    /// aggregate: runs the pipeline over a snapshot of the collection and returns a cursor; a terminal $out or
    /// $merge is written here after the pipeline has produced all its documents. The first $match (and $sort)
    /// decide the index plan that explain reports.
    /// </summary>
    [MongoCommand("aggregate")]
    private async ValueTask<BsonDocument> AggregateAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var request = AggregateRequest.Parse(command, context.Database);
        var variables = command.LetVariables();
        var host = new SnapshotAggregationHost(Storage);
        var now = Time.GetUtcNow().UtcDateTime;
        var pipeline = Pipeline.Parse(request.Stages, new AggregationContext { Database = context.Database, Host = host, Variables = variables, Now = now });

        var snapshot = request.Collection is null
            ? null
            : Storage.Read(reader => CollectionSnapshot.Capture(reader.Collection(context.Database, request.Collection), request.LeadingMatch, request.LeadingSort, request.Hint));
        if (request.Explain)
            return AggregateExplain(context.Database, request, snapshot, "queryPlanner", null);

        var source = snapshot is null ? [] : snapshot.Documents.Select(d => d.ToBsonDocument());
        var results = pipeline.Execute(source);
        var cursorCollection = request.Collection ?? "$cmd.aggregate";

        if (pipeline.Output is { } output)
        {
            await WriteAggregationOutputAsync(output, [.. results], request.BypassDocumentValidation, cancellationToken);
            return CursorReply(context.Database, cursorCollection, "firstBatch", [], 0);
        }

        var (batch, cursorId) = Cursors.Open(context.Database, cursorCollection, context, SessionIdOf(command), results, request.BatchSize, singleBatch: false);
        return CursorReply(context.Database, cursorCollection, "firstBatch", batch, cursorId);
    }

    /// <summary>Explain of an aggregation: the collection access ($cursor with its query plan) followed by the other stages.</summary>
    private static BsonDocument AggregateExplain(string database, AggregateRequest request, CollectionSnapshot? snapshot, string verbosity, long? returned)
    {
        var queryPlanner = new BsonDocument
        {
            { "namespace", database + "." + (request.Collection ?? "$cmd.aggregate") },
            { "indexFilterSet", false },
            { "parsedQuery", request.LeadingMatch },
            { "winningPlan", snapshot?.WinningPlan(request.LeadingMatch, request.LeadingSort, hasProjection: false, skip: 0, limit: null) ?? new BsonDocument("stage", "EOF") },
            { "rejectedPlans", new BsonArray() },
        };
        var cursorStage = new BsonDocument("queryPlanner", queryPlanner);
        if (verbosity != "queryPlanner" && returned is not null)
            cursorStage.Add("executionStats", new BsonDocument { { "executionSuccess", true }, { "nReturned", returned.Value } });
        var stages = new BsonArray { new BsonDocument("$cursor", cursorStage) };
        foreach (var stage in request.Stages) stages.Add(stage);
        return new BsonDocument
        {
            { "explainVersion", "1" },
            { "stages", stages },
            { "command", request.Command },
            { "ok", 1.0 },
        };
    }
}

/// <summary>The arguments of an aggregate command.</summary>
internal sealed class AggregateRequest
{
    /// <summary>The source collection, or null for <c>{ aggregate: 1 }</c>.</summary>
    public string? Collection { get; init; }

    public required BsonDocument Command { get; init; }

    public required BsonArray Stages { get; init; }

    /// <summary>The filter of a leading $match (empty when the pipeline starts otherwise), for index planning.</summary>
    public required BsonDocument LeadingMatch { get; init; }

    /// <summary>A $sort directly at the start or right after the leading $match, for index planning.</summary>
    public BsonDocument? LeadingSort { get; init; }

    public BsonValue? Hint { get; init; }

    public int? BatchSize { get; init; }

    public bool Explain { get; init; }

    public bool BypassDocumentValidation { get; init; }

    public static AggregateRequest Parse(BsonDocument command, string database)
    {
        var target = command.GetElement(0).Value;
        string? collection;
        if (target.IsString) collection = command.CollectionName(database);
        else if (target.IsNumeric && target.ToDouble() == 1) collection = null;
        else throw new MongoError(ErrorCode.InvalidNamespace, $"Invalid {{aggregate: ...}} value: must be a collection name string or 1, not {CommandArguments.TypeName(target)}");

        var stages = command.RequiredArray("pipeline");
        foreach (var stage in stages)
        {
            if (!stage.IsBsonDocument || stage.AsBsonDocument.ElementCount != 1)
                throw MongoError.Location(40323, "A pipeline stage specification object must contain exactly one field.");
        }
        if (collection is null && (stages.Count == 0 || !CollectionlessStage(stages[0].AsBsonDocument.GetElement(0).Name)))
        {
            var first = stages.Count == 0 ? "an empty pipeline" : $"'{stages[0].AsBsonDocument.GetElement(0).Name}'";
            throw new MongoError(ErrorCode.InvalidNamespace, $"{{aggregate: 1}} is not valid for {first}; a collection is required.");
        }

        var explain = command.OptionalBool("explain");
        var cursor = command.OptionalDocument("cursor");
        if (cursor is null && !explain)
            throw MongoError.FailedToParse("The 'cursor' option is required, except for aggregate with the explain argument");
        var batchSize = cursor?.OptionalLong("batchSize");
        if (batchSize < 0) throw MongoError.Location(51024, $"BSON field 'batchSize' value must be >= 0, actual value '{batchSize}'");
        CommandArguments.RequireSimpleCollation(command.GetValue("collation", BsonNull.Value));

        var (match, sort) = LeadingFilterAndSort(stages);
        return new AggregateRequest
        {
            Collection = collection,
            Command = command,
            Stages = stages,
            LeadingMatch = match,
            LeadingSort = sort,
            Hint = command.TryGetValue("hint", out var hint) && !hint.IsBsonNull ? hint : null,
            BatchSize = batchSize is null ? null : (int)Math.Min(batchSize.Value, int.MaxValue),
            Explain = explain,
            BypassDocumentValidation = command.OptionalBool("bypassDocumentValidation"),
        };
    }

    /// <summary>Stages that produce documents without a collection, valid first in <c>{ aggregate: 1 }</c>.</summary>
    private static bool CollectionlessStage(string name) => name == "$documents";

    private static (BsonDocument Match, BsonDocument? Sort) LeadingFilterAndSort(BsonArray stages)
    {
        var match = new BsonDocument();
        BsonDocument? sort = null;
        var position = 0;
        if (position < stages.Count && stages[position].AsBsonDocument.GetElement(0) is { Name: "$match", Value.IsBsonDocument: true } matchStage)
        {
            match = matchStage.Value.AsBsonDocument;
            position++;
        }
        if (position < stages.Count && stages[position].AsBsonDocument.GetElement(0) is { Name: "$sort", Value.IsBsonDocument: true } sortStage)
            sort = sortStage.Value.AsBsonDocument;
        return (match, sort);
    }
}
