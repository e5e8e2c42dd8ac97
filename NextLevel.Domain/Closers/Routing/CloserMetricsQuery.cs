using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Closers.Routing;

public sealed record CloserSpeed(ObjectId UserId, SpeedStatistics SpeedToClaim, SpeedStatistics SpeedToFirstHumanContact);

public sealed record SourceSpeed(LeadSource Source, SpeedStatistics SpeedToClaim, SpeedStatistics SpeedToFirstHumanContact);

public sealed record CloserTaskCounts(int Open, int Overdue);

public sealed record CloserMetricsResult(IReadOnlyList<CloserSpeed> Closers, IReadOnlyList<SourceSpeed> Sources, IReadOnlyDictionary<ObjectId, CloserTaskCounts> Tasks);

/// <summary>
/// Speed to claim (routing.requestedAt → routing.claimedAt) and speed to first human contact (routing.requestedAt →
/// routing.firstHumanContactAt) per closer and per lead source, for leads claimed in [from, to); open and overdue tasks
/// per owner from the embedded <c>leads.tasks</c> (status open; overdue when dueAt has passed). Everything is read from
/// the stored leads, so each figure can be recomputed from them.
/// </summary>
public sealed class CloserMetricsQuery(IMongoDatabase database, TimeProvider time)
{
    private readonly IMongoCollection<BsonDocument> _leads = database.GetCollection<BsonDocument>(CollectionNames.Leads);

    public async Task<CloserMetricsResult> RunAsync(DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var claimed = await _leads.Find(new BsonDocument
            {
                { "routing.claimedAt", new BsonDocument { { "$gte", from }, { "$lt", to } } },
                { "routing.claimedBy", new BsonDocument("$type", "objectId") },
            })
            .Project(new BsonDocument { { "source", 1 }, { "routing.requestedAt", 1 }, { "routing.claimedAt", 1 }, { "routing.claimedBy", 1 }, { "routing.firstHumanContactAt", 1 } })
            .ToListAsync(cancellationToken);
        var rows = claimed.Select(Row.From).Where(r => r is not null).Select(r => r!).ToList();

        var closers = rows.GroupBy(r => r.ClaimedBy).OrderBy(g => g.Key)
            .Select(g => new CloserSpeed(g.Key, SpeedStatistics.Of(g.Select(r => r.ToClaim)), SpeedStatistics.Of(g.Where(r => r.ToContact is not null).Select(r => r.ToContact!.Value))))
            .ToList();
        var sources = rows.Where(r => r.Source is not null).GroupBy(r => r.Source!.Value).OrderBy(g => StoredEnum.Name(g.Key), StringComparer.Ordinal)
            .Select(g => new SourceSpeed(g.Key, SpeedStatistics.Of(g.Select(r => r.ToClaim)), SpeedStatistics.Of(g.Where(r => r.ToContact is not null).Select(r => r.ToContact!.Value))))
            .ToList();
        return new CloserMetricsResult(closers, sources, await TaskCountsAsync(cancellationToken));
    }

    private async Task<IReadOnlyDictionary<ObjectId, CloserTaskCounts>> TaskCountsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pipeline = new[]
        {
            new BsonDocument("$match", new BsonDocument("tasks.status", "open")),
            new BsonDocument("$unwind", "$tasks"),
            new BsonDocument("$match", new BsonDocument { { "tasks.status", "open" }, { "tasks.ownerId", new BsonDocument("$type", new BsonArray { "objectId", "string" }) } }),
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", "$tasks.ownerId" },
                { "open", new BsonDocument("$sum", 1) },
                { "overdue", Reporting.GroupTotals.CountIf(new BsonDocument("$lt", new BsonArray { "$tasks.dueAt", now })) },
            }),
        };
        var rows = await _leads.Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        // Tasks keep ownerId as the 24-hex staff id string (docs/closers.md); an ObjectId is read the same way.
        return rows
            .Select(r => (Owner: r["_id"].IsObjectId ? r["_id"].AsObjectId : ObjectId.TryParse(r["_id"].AsString, out var id) ? id : ObjectId.Empty, Row: r))
            .Where(x => x.Owner != ObjectId.Empty)
            .GroupBy(x => x.Owner)
            .ToDictionary(g => g.Key, g => new CloserTaskCounts(g.Sum(x => x.Row["open"].ToInt32()), g.Sum(x => x.Row["overdue"].ToInt32())));
    }

    private sealed record Row(ObjectId ClaimedBy, LeadSource? Source, double ToClaim, double? ToContact)
    {
        public static Row? From(BsonDocument lead)
        {
            if (lead.GetValue("routing", BsonNull.Value) is not BsonDocument routing) return null;
            if (!routing.TryGetValue("requestedAt", out var requested) || !requested.IsValidDateTime) return null;
            var start = requested.ToUniversalTime();
            var claimedAt = routing["claimedAt"].ToUniversalTime();
            double? contact = routing.TryGetValue("firstHumanContactAt", out var c) && c.IsValidDateTime ? (c.ToUniversalTime() - start).TotalSeconds : null;
            LeadSource? source = lead.TryGetValue("source", out var s) && s.IsString && StoredEnum.TryParse<LeadSource>(s.AsString, out var parsed) ? parsed : null;
            return new Row(routing["claimedBy"].AsObjectId, source, (claimedAt - start).TotalSeconds, contact);
        }
    }
}
