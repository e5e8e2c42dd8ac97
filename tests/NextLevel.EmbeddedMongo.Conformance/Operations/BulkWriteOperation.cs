using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>
/// Collection bulkWrite: requests become driver write models; the result (also the partial result carried by a
/// bulk write error) is reported in the CRUD spec's BulkWriteResult shape.
/// </summary>
public static class BulkWriteOperation
{
    public static async Task<OperationResult> Execute(IMongoCollection<BsonDocument> collection, OperationArguments arguments, OperationContext context)
    {
        var requests = arguments.Required("requests").AsBsonArray;
        var models = requests.Select(r => ToWriteModel(r.AsBsonDocument)).ToList();
        var options = new BulkWriteOptions
        {
            BypassDocumentValidation = arguments.OptionalBool("bypassDocumentValidation"),
            Comment = arguments.Comment(),
            IsOrdered = arguments.OptionalBool("ordered") ?? true,
            Let = arguments.Let(),
        };
        var session = context.Session(arguments);
        arguments.EnsureAllUsed();

        try
        {
            var result = await (session is null
                ? collection.BulkWriteAsync(models, options, context.CancellationToken)
                : collection.BulkWriteAsync(session, models, options, context.CancellationToken));
            return OperationResult.Document(WriteResults.FromBulkWrite(result, InsertedIds(models, _ => true)));
        }
        catch (MongoBulkWriteException<BsonDocument> ex)
        {
            var failed = ex.WriteErrors.Select(e => e.Index).ToHashSet();
            var firstFailure = failed.Count == 0 ? int.MaxValue : failed.Min();
            // Ordered writes stop at the first error; unordered ones attempt every request.
            bool Applied(int index) => options.IsOrdered ? index < firstFailure : !failed.Contains(index);
            var partial = WriteResults.FromBulkWrite(ex.Result, InsertedIds(models, Applied));
            throw new DriverOperationException(ex) { PartialResult = partial };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DriverOperationException(ex);
        }
    }

    private static IEnumerable<(int Index, BsonValue Id)> InsertedIds(List<WriteModel<BsonDocument>> models, Func<int, bool> applied)
        => models
            .Select((model, index) => (model, index))
            .Where(m => m.model is InsertOneModel<BsonDocument> && applied(m.index))
            .Select(m => (m.index, ((InsertOneModel<BsonDocument>)m.model).Document.GetValue("_id", BsonNull.Value)));

    private static WriteModel<BsonDocument> ToWriteModel(BsonDocument request)
    {
        if (request.ElementCount != 1) throw new InvalidOperationException("a bulkWrite request has exactly one key");
        var kind = request.GetElement(0).Name;
        var arguments = new OperationArguments("bulkWrite." + kind, request[0].AsBsonDocument);
        WriteModel<BsonDocument> model = kind switch
        {
            "insertOne" => new InsertOneModel<BsonDocument>(arguments.RequiredDocument("document")),
            "updateOne" => new UpdateOneModel<BsonDocument>(arguments.Filter(), arguments.Update())
            {
                ArrayFilters = arguments.ArrayFilters(),
                Collation = arguments.Collation(),
                Hint = arguments.Hint(),
                IsUpsert = arguments.OptionalBool("upsert") ?? false,
                Sort = arguments.Sort(),
            },
            "updateMany" => new UpdateManyModel<BsonDocument>(arguments.Filter(), arguments.Update())
            {
                ArrayFilters = arguments.ArrayFilters(),
                Collation = arguments.Collation(),
                Hint = arguments.Hint(),
                IsUpsert = arguments.OptionalBool("upsert") ?? false,
            },
            "replaceOne" => new ReplaceOneModel<BsonDocument>(arguments.Filter(), arguments.RequiredDocument("replacement"))
            {
                Collation = arguments.Collation(),
                Hint = arguments.Hint(),
                IsUpsert = arguments.OptionalBool("upsert") ?? false,
                Sort = arguments.Sort(),
            },
            "deleteOne" => new DeleteOneModel<BsonDocument>(arguments.Filter()) { Collation = arguments.Collation(), Hint = arguments.Hint() },
            "deleteMany" => new DeleteManyModel<BsonDocument>(arguments.Filter()) { Collation = arguments.Collation(), Hint = arguments.Hint() },
            _ => throw new UnsupportedByRunnerException($"bulkWrite request '{kind}'"),
        };
        arguments.EnsureAllUsed();
        return model;
    }
}
