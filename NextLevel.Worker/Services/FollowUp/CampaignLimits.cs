using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;

namespace NextLevel.Worker.Services.FollowUp;

/// <summary>
/// The campaign's daily limits (budget.maxCallsPerDay, budget.maxLeadsPerDay) as counters in the Worker's own
/// collection <c>followup_counters</c> (not one of the twelve): one document per campaign, limit and campaign-local
/// day, reserved atomically so N workers together never exceed a limit. Counters expire after a week (TTL).
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class CampaignLimits(IMongoDatabase database, TimeProvider time)
{
    public const string CollectionName = "followup_counters";

    private readonly IMongoCollection<BsonDocument> _counters = database.GetCollection<BsonDocument>(CollectionName);

    /// <summary>Creates the TTL index; idempotent (run at worker start-up).</summary>
    public Task EnsureIndexesAsync(CancellationToken cancellationToken) =>
        _counters.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            new BsonDocument("expiresAt", 1), new CreateIndexOptions { Name = "expiresAt_1", ExpireAfter = TimeSpan.Zero }), cancellationToken: cancellationToken);

    /// <summary>Takes one unit of <paramref name="limit"/> for the campaign's current day; false when the day's limit is reached.
    /// A limit of 0 or less means no limit.</summary>
    public async Task<bool> TryReserveAsync(Campaign campaign, string kind, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (limit <= 0) return true;
        var now = time.GetUtcNow();
        var day = CallingSchedule.LocalDate(campaign.Schedule.CallingHours, now);
        var id = $"{campaign.Id}:{kind}:{day:yyyy-MM-dd}";
        var filter = new BsonDocument { { "_id", id }, { "count", new BsonDocument("$lt", limit) } };
        var update = new BsonDocument
        {
            { "$inc", new BsonDocument("count", 1) },
            { "$setOnInsert", new BsonDocument { { "campaignId", campaign.Id }, { "kind", kind }, { "day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, { "expiresAt", now.UtcDateTime.AddDays(7) } } },
        };
        try
        {
            var result = await _counters.UpdateOneAsync(filter, update, new UpdateOptions { IsUpsert = true }, cancellationToken);
            return result.MatchedCount == 1 || result.UpsertedId is not null;
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            // The day's document exists and is at the limit: the upsert tried to insert a second one.
            return false;
        }
    }

    /// <summary>Gives a reserved unit back (the step was not sent after all).</summary>
    public Task ReleaseAsync(Campaign campaign, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var day = CallingSchedule.LocalDate(campaign.Schedule.CallingHours, time.GetUtcNow());
        return _counters.UpdateOneAsync(new BsonDocument { { "_id", $"{campaign.Id}:{kind}:{day:yyyy-MM-dd}" }, { "count", new BsonDocument("$gt", 0) } },
            new BsonDocument("$inc", new BsonDocument("count", -1)), cancellationToken: cancellationToken);
    }
}
