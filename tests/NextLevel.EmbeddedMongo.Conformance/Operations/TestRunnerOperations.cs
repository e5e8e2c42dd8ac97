using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>
/// Operations on the special "testRunner" object. Fail points do not exist in the embedded engine, so a test that
/// configures one is skipped. Assertions use the internal client.
/// </summary>
public static class TestRunnerOperations
{
    public static Task<OperationResult> FailPoint(OperationArguments arguments, OperationContext context)
        => throw new TestSkippedException($"{arguments.OperationName}: the runner does not configure server fail points");

    public static Task<OperationResult> CreateEntities(OperationArguments arguments, OperationContext context)
    {
        var definitions = arguments.Required("entities").AsBsonArray;
        arguments.EnsureAllUsed();
        context.EntityFactory.CreateAll(definitions, context.Entities);
        return Task.FromResult(OperationResult.None);
    }

    public static Task<OperationResult> AssertCollectionExists(OperationArguments arguments, OperationContext context)
        => AssertCollection(arguments, context, shouldExist: true);

    public static Task<OperationResult> AssertCollectionNotExists(OperationArguments arguments, OperationContext context)
        => AssertCollection(arguments, context, shouldExist: false);

    private static async Task<OperationResult> AssertCollection(OperationArguments arguments, OperationContext context, bool shouldExist)
    {
        var databaseName = arguments.RequiredString("databaseName");
        var collectionName = arguments.RequiredString("collectionName");
        arguments.EnsureAllUsed();

        var database = context.InternalClient.GetDatabase(databaseName);
        using var cursor = await database.ListCollectionNamesAsync(cancellationToken: context.CancellationToken);
        var names = await cursor.ToListAsync(context.CancellationToken);
        if (names.Contains(collectionName) != shouldExist)
            throw new TestAssertionException($"collection {databaseName}.{collectionName} should {(shouldExist ? "" : "not ")}exist");
        return OperationResult.None;
    }

    public static Task<OperationResult> AssertIndexExists(OperationArguments arguments, OperationContext context)
        => AssertIndex(arguments, context, shouldExist: true);

    public static Task<OperationResult> AssertIndexNotExists(OperationArguments arguments, OperationContext context)
        => AssertIndex(arguments, context, shouldExist: false);

    private static async Task<OperationResult> AssertIndex(OperationArguments arguments, OperationContext context, bool shouldExist)
    {
        var databaseName = arguments.RequiredString("databaseName");
        var collectionName = arguments.RequiredString("collectionName");
        var indexName = arguments.RequiredString("indexName");
        arguments.EnsureAllUsed();

        var collection = context.InternalClient.GetDatabase(databaseName).GetCollection<BsonDocument>(collectionName);
        using var cursor = await collection.Indexes.ListAsync(context.CancellationToken);
        var indexes = await cursor.ToListAsync(context.CancellationToken);
        var exists = indexes.Any(index => index.GetValue("name", BsonNull.Value) is BsonString name && name.Value == indexName);
        if (exists != shouldExist)
            throw new TestAssertionException($"index {indexName} on {databaseName}.{collectionName} should {(shouldExist ? "" : "not ")}exist");
        return OperationResult.None;
    }
}
