using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>Index management on a collection entity.</summary>
public static class CollectionIndexOperations
{
    public static async Task<OperationResult> CreateIndex(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var keys = new BsonDocumentIndexKeysDefinition<BsonDocument>(arguments.RequiredDocument("keys"));
        var options = new CreateIndexOptions<BsonDocument>
        {
            Name = arguments.OptionalString("name"),
            Unique = arguments.OptionalBool("unique"),
            Sparse = arguments.OptionalBool("sparse"),
            Hidden = arguments.OptionalBool("hidden"),
            ExpireAfter = arguments.Optional("expireAfterSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds.ToDouble()) : null,
            Collation = arguments.Collation(),
        };
        if (arguments.OptionalDocument("partialFilterExpression") is { } partial)
            options.PartialFilterExpression = new BsonDocumentFilterDefinition<BsonDocument>(partial);
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var model = new CreateIndexModel<BsonDocument>(keys, options);
        var name = await DriverCall.Run(() => session is null
            ? collection.Indexes.CreateOneAsync(model, cancellationToken: context.CancellationToken)
            : collection.Indexes.CreateOneAsync(session, model, cancellationToken: context.CancellationToken));
        return OperationResult.Plain(name);
    }

    public static async Task<OperationResult> DropIndex(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var name = arguments.RequiredString("name");
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        await DriverCall.Run(() => session is null
            ? collection.Indexes.DropOneAsync(name, context.CancellationToken)
            : collection.Indexes.DropOneAsync(session, name, context.CancellationToken));
        return OperationResult.None;
    }

    public static async Task<OperationResult> DropIndexes(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        await DriverCall.Run(() => session is null
            ? collection.Indexes.DropAllAsync(context.CancellationToken)
            : collection.Indexes.DropAllAsync(session, context.CancellationToken));
        return OperationResult.None;
    }

    public static async Task<OperationResult> ListIndexes(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var options = new ListIndexesOptions { BatchSize = arguments.OptionalInt("batchSize") };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var indexes = await DriverCall.Run(async () =>
        {
            using var cursor = session is null
                ? await collection.Indexes.ListAsync(options, context.CancellationToken)
                : await collection.Indexes.ListAsync(session, options, context.CancellationToken);
            return await cursor.ToListAsync(context.CancellationToken);
        });
        return OperationResult.Documents(indexes);
    }
}
