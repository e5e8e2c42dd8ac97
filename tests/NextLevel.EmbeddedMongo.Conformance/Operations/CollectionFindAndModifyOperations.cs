using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>findOneAndDelete / findOneAndReplace / findOneAndUpdate on a collection entity.</summary>
public static class CollectionFindAndModifyOperations
{
    public static async Task<OperationResult> FindOneAndDelete(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var filter = arguments.Filter();
        var options = new FindOneAndDeleteOptions<BsonDocument, BsonDocument>
        {
            Collation = arguments.Collation(),
            Comment = arguments.Comment(),
            Hint = arguments.Hint(),
            Let = arguments.Let(),
            MaxTime = arguments.OptionalMilliseconds("maxTimeMS"),
            Projection = arguments.Projection(),
            Sort = arguments.Sort(),
        };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var document = await DriverCall.Run(() => session is null
            ? collection.FindOneAndDeleteAsync(filter, options, context.CancellationToken)
            : collection.FindOneAndDeleteAsync(session, filter, options, context.CancellationToken));
        return Result(collection, document);
    }

    public static async Task<OperationResult> FindOneAndReplace(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var filter = arguments.Filter();
        var replacement = arguments.RequiredDocument("replacement");
        var options = new FindOneAndReplaceOptions<BsonDocument, BsonDocument>
        {
            BypassDocumentValidation = arguments.OptionalBool("bypassDocumentValidation"),
            Collation = arguments.Collation(),
            Comment = arguments.Comment(),
            Hint = arguments.Hint(),
            IsUpsert = arguments.OptionalBool("upsert") ?? false,
            Let = arguments.Let(),
            MaxTime = arguments.OptionalMilliseconds("maxTimeMS"),
            Projection = arguments.Projection(),
            ReturnDocument = arguments.ReturnDocument() ?? ReturnDocument.Before,
            Sort = arguments.Sort(),
        };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var document = await DriverCall.Run(() => session is null
            ? collection.FindOneAndReplaceAsync(filter, replacement, options, context.CancellationToken)
            : collection.FindOneAndReplaceAsync(session, filter, replacement, options, context.CancellationToken));
        return Result(collection, document);
    }

    public static async Task<OperationResult> FindOneAndUpdate(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var filter = arguments.Filter();
        var update = arguments.Update();
        var options = new FindOneAndUpdateOptions<BsonDocument, BsonDocument>
        {
            ArrayFilters = arguments.ArrayFilters(),
            BypassDocumentValidation = arguments.OptionalBool("bypassDocumentValidation"),
            Collation = arguments.Collation(),
            Comment = arguments.Comment(),
            Hint = arguments.Hint(),
            IsUpsert = arguments.OptionalBool("upsert") ?? false,
            Let = arguments.Let(),
            MaxTime = arguments.OptionalMilliseconds("maxTimeMS"),
            Projection = arguments.Projection(),
            ReturnDocument = arguments.ReturnDocument() ?? ReturnDocument.Before,
            Sort = arguments.Sort(),
        };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var document = await DriverCall.Run(() => session is null
            ? collection.FindOneAndUpdateAsync(filter, update, options, context.CancellationToken)
            : collection.FindOneAndUpdateAsync(session, filter, update, options, context.CancellationToken));
        return Result(collection, document);
    }

    /// <summary>
    /// Under an unacknowledged write concern the CRUD spec's find-and-modify returns no document: whatever the server
    /// answered is not an acknowledged result.
    /// </summary>
    private static OperationResult Result(IMongoCollection<BsonDocument> collection, BsonDocument? document)
        => collection.Settings.WriteConcern.IsAcknowledged ? OperationResult.Document(document) : OperationResult.None;
}
