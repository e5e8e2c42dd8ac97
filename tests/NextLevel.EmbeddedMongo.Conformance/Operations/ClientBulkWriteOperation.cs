using System.Globalization;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Entities;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>
/// Client-level bulkWrite (the bulkWrite command, server 8.0+). On older servers only its client-side validation is
/// testable; results follow the CRUD spec's ClientBulkWriteResult shape.
/// </summary>
public static class ClientBulkWriteOperation
{
    public static async Task<OperationResult> Execute(ClientEntity client, OperationArguments arguments, OperationContext context)
    {
        var models = arguments.Required("models").AsBsonArray.Select(m => ToModel(m.AsBsonDocument)).ToList();
        var options = new ClientBulkWriteOptions
        {
            BypassDocumentValidation = arguments.OptionalBool("bypassDocumentValidation"),
            Comment = arguments.Comment(),
            IsOrdered = arguments.OptionalBool("ordered") ?? true,
            Let = arguments.Let(),
            VerboseResult = arguments.OptionalBool("verboseResults") ?? false,
        };
        if (arguments.OptionalDocument("writeConcern") is { } writeConcern) options.WriteConcern = DriverSettingsParser.ParseWriteConcern(writeConcern);
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        try
        {
            var result = await (session is null
                ? client.Client.BulkWriteAsync(models, options, context.CancellationToken)
                : client.Client.BulkWriteAsync(session, models, options, context.CancellationToken));
            return OperationResult.Document(ToDocument(result));
        }
        catch (ClientBulkWriteException ex)
        {
            throw new DriverOperationException(ex) { PartialResult = ex.PartialResult is null ? null : ToDocument(ex.PartialResult) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DriverOperationException(ex);
        }
    }

    private static BulkWriteModel ToModel(BsonDocument request)
    {
        if (request.ElementCount != 1) throw new InvalidOperationException("a clientBulkWrite model has exactly one key");
        var kind = request.GetElement(0).Name;
        var arguments = new OperationArguments("clientBulkWrite." + kind, request[0].AsBsonDocument);
        var ns = arguments.RequiredString("namespace");
        BulkWriteModel model = kind switch
        {
            "insertOne" => new BulkWriteInsertOneModel<BsonDocument>(ns, arguments.RequiredDocument("document")),
            "updateOne" => new BulkWriteUpdateOneModel<BsonDocument>(ns, arguments.Filter(), arguments.Update(), arguments.Sort(),
                arguments.Collation(), arguments.Hint(), arguments.OptionalBool("upsert") ?? false, arguments.ArrayFilters()),
            "updateMany" => new BulkWriteUpdateManyModel<BsonDocument>(ns, arguments.Filter(), arguments.Update(),
                arguments.Collation(), arguments.Hint(), arguments.OptionalBool("upsert") ?? false, arguments.ArrayFilters()),
            "replaceOne" => new BulkWriteReplaceOneModel<BsonDocument>(ns, arguments.Filter(), arguments.RequiredDocument("replacement"), arguments.Sort(),
                arguments.Collation(), arguments.Hint(), arguments.OptionalBool("upsert") ?? false),
            "deleteOne" => new BulkWriteDeleteOneModel<BsonDocument>(ns, arguments.Filter(), arguments.Collation(), arguments.Hint()),
            "deleteMany" => new BulkWriteDeleteManyModel<BsonDocument>(ns, arguments.Filter(), arguments.Collation(), arguments.Hint()),
            _ => throw new UnsupportedByRunnerException($"clientBulkWrite model '{kind}'"),
        };
        arguments.EnsureAllUsed();
        return model;
    }

    private static BsonDocument ToDocument(ClientBulkWriteResult result)
    {
        if (!result.Acknowledged) return new BsonDocument("acknowledged", false);
        return new BsonDocument
        {
            { "insertedCount", result.InsertedCount },
            { "upsertedCount", result.UpsertedCount },
            { "matchedCount", result.MatchedCount },
            { "modifiedCount", result.ModifiedCount },
            { "deletedCount", result.DeletedCount },
            { "insertResults", ByIndex(result.InsertResults, r => new BsonDocument("insertedId", BsonValue.Create(r.DocumentId))) },
            { "updateResults", ByIndex(result.UpdateResults, UpdateResult) },
            { "deleteResults", ByIndex(result.DeleteResults, r => new BsonDocument("deletedCount", r.DeletedCount)) },
        };
    }

    private static BsonDocument UpdateResult(BulkWriteUpdateResult result)
    {
        var document = new BsonDocument { { "matchedCount", result.MatchedCount }, { "modifiedCount", result.ModifiedCount } };
        if (result.UpsertedId is not null) document["upsertedId"] = result.UpsertedId;
        return document;
    }

    private static BsonDocument ByIndex<T>(IReadOnlyDictionary<int, T>? results, Func<T, BsonDocument> convert)
    {
        var document = new BsonDocument();
        if (results is null) return document;
        foreach (var (index, result) in results.OrderBy(r => r.Key))
            document[index.ToString(CultureInfo.InvariantCulture)] = convert(result);
        return document;
    }
}
