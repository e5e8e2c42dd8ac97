using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Entities;
using NextLevel.EmbeddedMongo.Conformance.Execution;
using NextLevel.EmbeddedMongo.Conformance.Requirements;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>
/// Routes an operation to its implementation by the type of its target object and the operation name. An
/// operation that is not listed here is reported as "runner: unsupported operation".
/// [Singleton - ThreadSafe: immutable tables]
/// </summary>
public static class OperationDispatcher
{
    private delegate Task<OperationResult> Handler<in TTarget>(TTarget target, OperationArguments arguments, OperationContext context);

    private static readonly Dictionary<string, Handler<IMongoCollection<BsonDocument>>> CollectionOperationTable = new(StringComparer.Ordinal)
    {
        ["aggregate"] = CollectionReadOperations.Aggregate,
        ["count"] = CollectionReadOperations.Count,
        ["countDocuments"] = CollectionReadOperations.CountDocuments,
        ["createFindCursor"] = CollectionReadOperations.CreateFindCursor,
        ["distinct"] = CollectionReadOperations.Distinct,
        ["estimatedDocumentCount"] = CollectionReadOperations.EstimatedDocumentCount,
        ["find"] = CollectionReadOperations.Find,
        ["findOne"] = CollectionReadOperations.FindOne,
        ["bulkWrite"] = BulkWriteOperation.Execute,
        ["deleteMany"] = CollectionWriteOperations.DeleteMany,
        ["deleteOne"] = CollectionWriteOperations.DeleteOne,
        ["insertMany"] = CollectionWriteOperations.InsertMany,
        ["insertOne"] = CollectionWriteOperations.InsertOne,
        ["replaceOne"] = CollectionWriteOperations.ReplaceOne,
        ["updateMany"] = CollectionWriteOperations.UpdateMany,
        ["updateOne"] = CollectionWriteOperations.UpdateOne,
        ["findOneAndDelete"] = CollectionFindAndModifyOperations.FindOneAndDelete,
        ["findOneAndReplace"] = CollectionFindAndModifyOperations.FindOneAndReplace,
        ["findOneAndUpdate"] = CollectionFindAndModifyOperations.FindOneAndUpdate,
        ["createIndex"] = CollectionIndexOperations.CreateIndex,
        ["dropIndex"] = CollectionIndexOperations.DropIndex,
        ["dropIndexes"] = CollectionIndexOperations.DropIndexes,
        ["listIndexes"] = CollectionIndexOperations.ListIndexes,
    };

    private static readonly Dictionary<string, Handler<IMongoDatabase>> DatabaseOperationTable = new(StringComparer.Ordinal)
    {
        ["aggregate"] = DatabaseOperations.Aggregate,
        ["createCollection"] = DatabaseOperations.CreateCollection,
        ["dropCollection"] = DatabaseOperations.DropCollection,
        ["listCollectionNames"] = DatabaseOperations.ListCollectionNames,
        ["listCollections"] = DatabaseOperations.ListCollections,
        ["modifyCollection"] = DatabaseOperations.ModifyCollection,
        ["runCommand"] = DatabaseOperations.RunCommand,
    };

    private static readonly Dictionary<string, Handler<ClientEntity>> ClientOperationTable = new(StringComparer.Ordinal)
    {
        ["clientBulkWrite"] = ClientBulkWriteOperation.Execute,
        ["listDatabases"] = ClientOperations.ListDatabases,
        ["listDatabaseNames"] = ClientOperations.ListDatabaseNames,
    };

    private static readonly Dictionary<string, Handler<CursorEntity>> CursorOperationTable = new(StringComparer.Ordinal)
    {
        ["iterateUntilDocumentOrError"] = CursorOperations.Next,
        ["iterateOnce"] = CursorOperations.Next,
        ["close"] = CursorOperations.Close,
    };

    private static readonly Dictionary<string, Func<OperationArguments, OperationContext, Task<OperationResult>>> TestRunnerOperationTable = new(StringComparer.Ordinal)
    {
        ["failPoint"] = TestRunnerOperations.FailPoint,
        ["targetedFailPoint"] = TestRunnerOperations.FailPoint,
        ["createEntities"] = TestRunnerOperations.CreateEntities,
        ["assertCollectionExists"] = TestRunnerOperations.AssertCollectionExists,
        ["assertCollectionNotExists"] = TestRunnerOperations.AssertCollectionNotExists,
        ["assertIndexExists"] = TestRunnerOperations.AssertIndexExists,
        ["assertIndexNotExists"] = TestRunnerOperations.AssertIndexNotExists,
    };

    private static readonly DottedVersion RawDataMinimumServer = DottedVersion.Parse("8.2");

    /// <summary>Names of testRunner operations that configure fail points (the test is skipped when it uses one).</summary>
    public static bool IsFailPoint(string operationName) => operationName is "failPoint" or "targetedFailPoint";

    public static Task<OperationResult> Execute(string objectName, string operationName, BsonDocument arguments, OperationContext context)
    {
        var args = new OperationArguments(operationName, arguments);
        if (context.Environment.Version < RawDataMinimumServer)
        {
            // The CRUD spec has drivers omit rawData for servers before 8.2; MongoDB.Driver 3.14 has no such option at all.
            args.Accept("rawData");
        }
        if (objectName == "testRunner")
            return TestRunnerOperationTable.TryGetValue(operationName, out var runnerOperation)
                ? runnerOperation(args, context)
                : throw new UnsupportedByRunnerException($"operation '{operationName}' on testRunner");

        return context.Entities.Get(objectName) switch
        {
            IMongoCollection<BsonDocument> collection => Invoke(CollectionOperationTable, collection, "collection", args, context),
            IMongoDatabase database => Invoke(DatabaseOperationTable, database, "database", args, context),
            ClientEntity client => Invoke(ClientOperationTable, client, "client", args, context),
            CursorEntity cursor => Invoke(CursorOperationTable, cursor, "cursor", args, context),
            var other => throw new UnsupportedByRunnerException($"operation '{operationName}' on a {other.GetType().Name}"),
        };
    }

    private static Task<OperationResult> Invoke<TTarget>(
        Dictionary<string, Handler<TTarget>> table, TTarget target, string targetKind, OperationArguments arguments, OperationContext context)
        => table.TryGetValue(arguments.OperationName, out var handler)
            ? handler(target, arguments, context)
            : throw new UnsupportedByRunnerException($"operation '{arguments.OperationName}' on a {targetKind}");
}
