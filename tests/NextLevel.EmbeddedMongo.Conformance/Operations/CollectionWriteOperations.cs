using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>Single-statement writes on a collection entity: insert, update, replace and delete.</summary>
public static class CollectionWriteOperations
{
    public static async Task<OperationResult> InsertOne(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var document = arguments.RequiredDocument("document");
        var options = new InsertOneOptions
        {
            BypassDocumentValidation = arguments.OptionalBool("bypassDocumentValidation"),
            Comment = arguments.Comment(),
        };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        await DriverCall.Run(() => session is null
            ? collection.InsertOneAsync(document, options, context.CancellationToken)
            : collection.InsertOneAsync(session, document, options, context.CancellationToken));
        if (!collection.Settings.WriteConcern.IsAcknowledged) return WriteResults.Unacknowledged();
        // The driver assigns a generated _id to the document itself before sending it.
        return OperationResult.Document(new BsonDocument("insertedId", document["_id"]));
    }

    public static async Task<OperationResult> InsertMany(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var documents = arguments.Required("documents").AsBsonArray.Select(d => d.AsBsonDocument).ToList();
        var options = new InsertManyOptions
        {
            BypassDocumentValidation = arguments.OptionalBool("bypassDocumentValidation"),
            Comment = arguments.Comment(),
            IsOrdered = arguments.OptionalBool("ordered") ?? true,
        };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        try
        {
            await (session is null
                ? collection.InsertManyAsync(documents, options, context.CancellationToken)
                : collection.InsertManyAsync(session, documents, options, context.CancellationToken));
        }
        catch (MongoBulkWriteException<BsonDocument> ex)
        {
            var failed = ex.WriteErrors.Select(e => e.Index).ToHashSet();
            var firstFailure = failed.Count == 0 ? int.MaxValue : failed.Min();
            var inserted = documents.Select((d, i) => (i, d["_id"])).Where(p => options.IsOrdered ? p.i < firstFailure : !failed.Contains(p.i));
            throw new DriverOperationException(ex) { PartialResult = WriteResults.FromBulkWrite(ex.Result, inserted) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DriverOperationException(ex);
        }
        if (!collection.Settings.WriteConcern.IsAcknowledged) return WriteResults.Unacknowledged();
        return OperationResult.Document(new BsonDocument("insertedIds", WriteResults.IdsByIndex(documents.Select((d, i) => (i, d["_id"])))));
    }

    public static Task<OperationResult> UpdateOne(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
        => Update(collection, arguments, context, many: false);

    public static Task<OperationResult> UpdateMany(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
        => Update(collection, arguments, context, many: true);

    private static async Task<OperationResult> Update(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context, bool many)
    {
        var filter = arguments.Filter();
        var update = arguments.Update();
        var options = new UpdateOptions<BsonDocument>
        {
            ArrayFilters = arguments.ArrayFilters(),
            BypassDocumentValidation = arguments.OptionalBool("bypassDocumentValidation"),
            Collation = arguments.Collation(),
            Comment = arguments.Comment(),
            Hint = arguments.Hint(),
            IsUpsert = arguments.OptionalBool("upsert") ?? false,
            Let = arguments.Let(),
        };
        if (!many) options.Sort = arguments.Sort();
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var ct = context.CancellationToken;
        var result = await DriverCall.Run(() => (many, session) switch
        {
            (false, null) => collection.UpdateOneAsync(filter, update, options, ct),
            (false, _) => collection.UpdateOneAsync(session, filter, update, options, ct),
            (true, null) => collection.UpdateManyAsync(filter, update, options, ct),
            (true, _) => collection.UpdateManyAsync(session, filter, update, options, ct),
        });
        return WriteResults.FromUpdate(result.IsAcknowledged, result.IsAcknowledged ? result.MatchedCount : 0,
            result.IsAcknowledged && result.IsModifiedCountAvailable ? result.ModifiedCount : null, result.IsAcknowledged ? result.UpsertedId : null);
    }

    public static async Task<OperationResult> ReplaceOne(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var filter = arguments.Filter();
        var replacement = arguments.RequiredDocument("replacement");
        var options = new ReplaceOptions<BsonDocument>
        {
            BypassDocumentValidation = arguments.OptionalBool("bypassDocumentValidation"),
            Collation = arguments.Collation(),
            Comment = arguments.Comment(),
            Hint = arguments.Hint(),
            IsUpsert = arguments.OptionalBool("upsert") ?? false,
            Let = arguments.Let(),
            Sort = arguments.Sort(),
        };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var result = await DriverCall.Run(() => session is null
            ? collection.ReplaceOneAsync(filter, replacement, options, context.CancellationToken)
            : collection.ReplaceOneAsync(session, filter, replacement, options, context.CancellationToken));
        return WriteResults.FromUpdate(result.IsAcknowledged, result.IsAcknowledged ? result.MatchedCount : 0,
            result.IsAcknowledged && result.IsModifiedCountAvailable ? result.ModifiedCount : null, result.IsAcknowledged ? result.UpsertedId : null);
    }

    public static Task<OperationResult> DeleteOne(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
        => Delete(collection, arguments, context, many: false);

    public static Task<OperationResult> DeleteMany(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
        => Delete(collection, arguments, context, many: true);

    private static async Task<OperationResult> Delete(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context, bool many)
    {
        var filter = arguments.Filter();
        var options = new DeleteOptions
        {
            Collation = arguments.Collation(),
            Comment = arguments.Comment(),
            Hint = arguments.Hint(),
            Let = arguments.Let(),
        };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        var ct = context.CancellationToken;
        var result = await DriverCall.Run(() => (many, session) switch
        {
            (false, null) => collection.DeleteOneAsync(filter, options, ct),
            (false, _) => collection.DeleteOneAsync(session, filter, options, ct),
            (true, null) => collection.DeleteManyAsync(filter, options, ct),
            (true, _) => collection.DeleteManyAsync(session, filter, options, ct),
        });
        return result.IsAcknowledged
            ? OperationResult.Document(new BsonDocument("deletedCount", result.DeletedCount))
            : WriteResults.Unacknowledged();
    }
}
