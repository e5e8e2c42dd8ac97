using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Entities;
using NextLevel.EmbeddedMongo.Conformance.Matching;
using NextLevel.EmbeddedMongo.Conformance.Model;
using NextLevel.EmbeddedMongo.Conformance.Operations;
using NextLevel.EmbeddedMongo.Conformance.Requirements;

namespace NextLevel.EmbeddedMongo.Conformance.Execution;

/// <summary>
/// Runs one test: fresh entities, initialData, the operations with their expectations, then the outcome.
/// Throws <see cref="TestAssertionException"/>, <see cref="TestSkippedException"/> or
/// <see cref="UnsupportedByRunnerException"/>; returns normally when the test passed.
/// </summary>
public sealed class TestCaseExecutor(IMongoClient internalClient, EntityFactory entityFactory, ServerEnvironment environment, bool checkEvents)
{
    public async Task RunAsync(UnifiedTestFile file, UnifiedTestCase test, CancellationToken cancellationToken)
    {
        using var entities = new EntityMap();
        entityFactory.CreateAll(file.CreateEntities, entities);
        await Stage("initialData", () => InitialDataLoader.LoadAsync(internalClient, file.InitialData, cancellationToken));

        var context = new OperationContext(entities, entityFactory, internalClient, environment, cancellationToken);
        var matcher = new ValueMatcher(entities);
        for (var index = 0; index < test.Operations.Count; index++)
            await RunOperationAsync(test.Operations[index].AsBsonDocument, index, context, matcher);

        if (checkEvents && test.ExpectEvents is not null)
            ExpectedEventsMatcher.AssertMatches(test.ExpectEvents, entities, matcher);

        if (test.Outcome is not null)
        {
            await Stage("settling unacknowledged writes", () => SettleAsync(entities, cancellationToken));
            await Stage("outcome", () => OutcomeVerifier.VerifyAsync(internalClient, test.Outcome, matcher, cancellationToken));
        }
    }

    /// <summary>
    /// Unacknowledged (w:0) writes get no reply, so the outcome read on the internal client could overtake them.
    /// A ping on each test client goes through the connection the write used (the pool hands back the idle
    /// connection) and the server answers a connection's messages in order, so the write is applied by then.
    /// </summary>
    private static async Task SettleAsync(EntityMap entities, CancellationToken cancellationToken)
    {
        foreach (var client in entities.Clients)
            await client.Client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
    }

    /// <summary>Setup and outcome reads go through the internal client; a server error there fails the test with its stage.</summary>
    private static async Task Stage(string stage, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (MongoException ex)
        {
            throw new TestAssertionException($"{stage} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static async Task RunOperationAsync(BsonDocument operation, int index, OperationContext context, ValueMatcher matcher)
    {
        var name = operation["name"].AsString;
        var objectName = operation["object"].AsString;
        var arguments = operation.GetValue("arguments", new BsonDocument()).AsBsonDocument;
        var label = $"operation {index} ({name})";

        OperationResult? result = null;
        ObservedError? error = null;
        try
        {
            result = await OperationDispatcher.Execute(objectName, name, arguments, context);
        }
        catch (DriverOperationException ex)
        {
            error = ObservedError.From(ex.Error, ex.PartialResult);
        }

        if (operation.GetValue("ignoreResultAndError", false).ToBoolean()) return;

        if (operation.GetValue("expectError", BsonNull.Value) is BsonDocument expectedError)
        {
            if (error is null)
                throw new TestAssertionException($"{label}: expected an error but it succeeded with {(result?.Value is { } value ? BsonText.Show(value) : "no result")}");
            try
            {
                ExpectedErrorMatcher.AssertMatches(expectedError, error, matcher);
            }
            catch (TestAssertionException ex)
            {
                throw new TestAssertionException($"{label}: {ex.Message}");
            }
            return;
        }

        if (error is not null)
            throw new TestAssertionException($"{label}: unexpected error {error.Describe()}");

        if (operation.TryGetValue("expectResult", out var expectedResult))
            matcher.AssertMatches(expectedResult, result!.Value, result.Rootness, $"{label} result");

        if (operation.GetValue("saveResultAsEntity", BsonNull.Value) is BsonString entityName)
            context.Entities.Add(entityName.Value, result!.Entity ?? result.Value ?? BsonNull.Value);
    }
}
