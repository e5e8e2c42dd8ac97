using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Matching;

namespace NextLevel.EmbeddedMongo.Conformance.Execution;

/// <summary>Asserts a test's outcome: each listed collection holds exactly the given documents, in _id order.</summary>
public static class OutcomeVerifier
{
    public static async Task VerifyAsync(IMongoClient internalClient, BsonArray outcome, ValueMatcher matcher, CancellationToken cancellationToken)
    {
        foreach (var item in outcome)
        {
            var data = item.AsBsonDocument;
            var collectionName = data["collectionName"].AsString;
            var databaseName = data["databaseName"].AsString;
            var collection = internalClient.GetDatabase(databaseName).GetCollection<BsonDocument>(collectionName)
                .WithReadPreference(ReadPreference.Primary)
                .WithReadConcern(ReadConcern.Local);

            var options = new FindOptions<BsonDocument> { Sort = new BsonDocument("_id", 1) };
            using var cursor = await collection.FindAsync(FilterDefinition<BsonDocument>.Empty, options, cancellationToken);
            var actual = await cursor.ToListAsync(cancellationToken);

            // Outcome documents are compared exactly: no extra fields, as nested (non-root) documents.
            matcher.AssertMatches(data["documents"], new BsonArray(actual), MatchRootness.None, $"outcome of {databaseName}.{collectionName}");
        }
    }
}
