using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Entities;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>Read operations on a collection entity: find, aggregate, counts and distinct.</summary>
public static class CollectionReadOperations
{
    public static async Task<OperationResult> Find(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        using var cursor = await OpenFindCursor(collection, arguments, context);
        return OperationResult.Documents(await DriverCall.Run(() => cursor.ToListAsync(context.CancellationToken)));
    }

    public static async Task<OperationResult> FindOne(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        using var cursor = await OpenFindCursor(collection, arguments, context, limitOne: true);
        return OperationResult.Document(await DriverCall.Run(() => cursor.FirstOrDefaultAsync(context.CancellationToken)));
    }

    public static async Task<OperationResult> CreateFindCursor(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var cursor = await OpenFindCursor(collection, arguments, context);
        return new OperationResult(null, Matching.MatchRootness.None, new CursorEntity(cursor));
    }

    private static Task<IAsyncCursor<BsonDocument>> OpenFindCursor(
        IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context, bool limitOne = false)
    {
        var filter = arguments.Filter(required: false);
        var options = new FindOptions<BsonDocument, BsonDocument>
        {
            AllowDiskUse = arguments.OptionalBool("allowDiskUse"),
            AllowPartialResults = arguments.OptionalBool("allowPartialResults"),
            BatchSize = arguments.OptionalInt("batchSize"),
            Collation = arguments.Collation(),
            Comment = arguments.Comment(),
            Hint = arguments.Hint(),
            Let = arguments.Let(),
            // A negative limit asks for a single batch (find's singleBatch), which is what findOne sends.
            Limit = limitOne ? -1 : arguments.OptionalInt("limit"),
            Max = arguments.OptionalDocument("max"),
            MaxTime = arguments.OptionalMilliseconds("maxTimeMS"),
            Min = arguments.OptionalDocument("min"),
            NoCursorTimeout = arguments.OptionalBool("noCursorTimeout"),
            Projection = arguments.Projection(),
            ReturnKey = arguments.OptionalBool("returnKey"),
            ShowRecordId = arguments.OptionalBool("showRecordId"),
            Skip = arguments.OptionalInt("skip"),
            Sort = arguments.Sort(),
        };
        if (arguments.OptionalString("cursorType") is { } cursorType)
            options.CursorType = Enum.Parse<CursorType>(cursorType, ignoreCase: true);
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        return DriverCall.Run(() => session is null
            ? collection.FindAsync(filter, options, context.CancellationToken)
            : collection.FindAsync(session, filter, options, context.CancellationToken));
    }

    public static async Task<OperationResult> Aggregate(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var stages = arguments.Required("pipeline").AsBsonArray;
        var pipeline = DriverArgumentMapping.Pipeline(stages);
        var options = AggregateOptions(arguments);
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        if (EndsWithOutputStage(stages))
        {
            // $out/$merge write their results elsewhere: run the pipeline without reading the output collection back.
            await DriverCall.Run(() => session is null
                ? collection.AggregateToCollectionAsync(pipeline, options, context.CancellationToken)
                : collection.AggregateToCollectionAsync(session, pipeline, options, context.CancellationToken));
            return OperationResult.Documents([]);
        }

        var documents = await DriverCall.Run(async () =>
        {
            using var cursor = session is null
                ? await collection.AggregateAsync(pipeline, options, context.CancellationToken)
                : await collection.AggregateAsync(session, pipeline, options, context.CancellationToken);
            return await cursor.ToListAsync(context.CancellationToken);
        });
        return OperationResult.Documents(documents);
    }

    public static AggregateOptions AggregateOptions(OperationArguments arguments) => new()
    {
        AllowDiskUse = arguments.OptionalBool("allowDiskUse"),
        BatchSize = arguments.OptionalInt("batchSize"),
        BypassDocumentValidation = arguments.OptionalBool("bypassDocumentValidation"),
        Collation = arguments.Collation(),
        Comment = arguments.Comment(),
        Hint = arguments.Hint(),
        Let = arguments.Let(),
        MaxAwaitTime = arguments.OptionalMilliseconds("maxAwaitTimeMS"),
        MaxTime = arguments.OptionalMilliseconds("maxTimeMS"),
    };

    public static bool EndsWithOutputStage(BsonArray stages)
        => stages.Count > 0 && stages[^1].AsBsonDocument.ElementCount == 1
           && stages[^1].AsBsonDocument.GetElement(0).Name is "$out" or "$merge";

    public static async Task<OperationResult> CountDocuments(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var filter = arguments.Filter();
        var options = new CountOptions
        {
            Collation = arguments.Collation(),
            Comment = arguments.Comment(),
            Hint = arguments.Hint(),
            Limit = arguments.OptionalLong("limit"),
            MaxTime = arguments.OptionalMilliseconds("maxTimeMS"),
            Skip = arguments.OptionalLong("skip"),
        };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var count = await DriverCall.Run(() => session is null
            ? collection.CountDocumentsAsync(filter, options, context.CancellationToken)
            : collection.CountDocumentsAsync(session, filter, options, context.CancellationToken));
        return OperationResult.Plain(count);
    }

    /// <summary>
    /// The deprecated CRUD "count" helper. Driver 3.x only keeps it as an obsolete API, so the runner sends the
    /// count command the helper would send.
    /// </summary>
    public static async Task<OperationResult> Count(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var command = new BsonDocument { { "count", collection.CollectionNamespace.CollectionName }, { "query", arguments.OptionalDocument("filter") ?? [] } };
        foreach (var name in new[] { "skip", "limit", "collation", "hint", "comment", "maxTimeMS" })
        {
            if (arguments.Optional(name) is { } value) command[name] = value;
        }
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var reply = await DriverCall.Run(() => session is null
            ? collection.Database.RunCommandAsync<BsonDocument>(command, cancellationToken: context.CancellationToken)
            : collection.Database.RunCommandAsync<BsonDocument>(session, command, cancellationToken: context.CancellationToken));
        return OperationResult.Plain(reply["n"]);
    }

    public static async Task<OperationResult> EstimatedDocumentCount(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var options = new EstimatedDocumentCountOptions
        {
            Comment = arguments.Comment(),
            MaxTime = arguments.OptionalMilliseconds("maxTimeMS"),
        };
        arguments.EnsureAllUsed();

        var count = await DriverCall.Run(() => collection.EstimatedDocumentCountAsync(options, context.CancellationToken));
        return OperationResult.Plain(count);
    }

    public static async Task<OperationResult> Distinct(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var field = new StringFieldDefinition<BsonDocument, BsonValue>(arguments.RequiredString("fieldName"));
        var filter = arguments.Filter();
        var options = new DistinctOptions
        {
            Collation = arguments.Collation(),
            Comment = arguments.Comment(),
            MaxTime = arguments.OptionalMilliseconds("maxTimeMS"),
        };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var values = await DriverCall.Run(async () =>
        {
            using var cursor = session is null
                ? await collection.DistinctAsync(field, filter, options, context.CancellationToken)
                : await collection.DistinctAsync(session, field, filter, options, context.CancellationToken);
            return await cursor.ToListAsync(context.CancellationToken);
        });
        return OperationResult.Plain(new BsonArray(values));
    }
}
