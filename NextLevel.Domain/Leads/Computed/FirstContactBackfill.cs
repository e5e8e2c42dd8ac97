using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Leads.Computed;

/// <summary>
/// One-time data migration for the computed <c>firstContactAt</c> (Computed Pattern): leads written before the field
/// existed get the earliest <c>contactAttempts[].timestamp</c>, in one pipeline update on the server (so it runs the
/// same on MongoDB and the embedded engine, and never races an append: every writer keeps the field with $min, and a
/// $min after this $set, or this $set after a $min, both leave the earliest time).
/// Idempotent: it touches only leads that have attempts but no date in the field, found on index firstContactAt_1
/// (equality with null: missing or null), so on MongoDB a database already migrated costs a lookup of the
/// never-contacted leads (the embedded engine does not bound an index on null yet and scans; see docs/performance.md).
/// </summary>
public sealed class FirstContactBackfill(IMongoDatabase database)
{
    /// <returns>How many leads gained the field.</returns>
    public async Task<long> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var filter = new BsonDocument
        {
            { "firstContactAt", BsonNull.Value },
            { "contactAttempts.0", new BsonDocument("$exists", true) },
        };
        var pipeline = new EmptyPipelineDefinition<BsonDocument>()
            .AppendStage<BsonDocument, BsonDocument, BsonDocument>(new BsonDocument("$set",
                new BsonDocument("firstContactAt", new BsonDocument("$min", "$contactAttempts.timestamp"))));
        var result = await database.GetCollection<BsonDocument>(CollectionNames.Leads)
            .UpdateManyAsync(filter, Builders<BsonDocument>.Update.Pipeline(pipeline), cancellationToken: cancellationToken);
        return result.ModifiedCount;
    }
}
