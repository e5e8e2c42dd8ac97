using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Tests.Integration;

namespace NextLevel.Domain.Tests.Closers;

/// <summary>The closer metrics equal figures computed here from the stored records.</summary>
public sealed class CloserMetricsQueryTests(EmbeddedMongoFixture mongo) : IClassFixture<EmbeddedMongoFixture>
{
    private static readonly DateTime Now = new(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Speeds_per_closer_and_source_and_task_counts_match_the_stored_leads()
    {
        var database = mongo.NewDatabase();
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        var random = new Random(7);
        var closers = Enumerable.Range(0, 3).Select(_ => ObjectId.GenerateNewId()).ToArray();
        var sources = new[] { LeadSource.Zillow, LeadSource.GoogleAds, LeadSource.RealGeeks };
        var leads = new List<BsonDocument>();
        for (var i = 0; i < 60; i++)
        {
            var requested = Now.AddDays(-random.Next(0, 40)).AddSeconds(-random.Next(0, 3600));
            var claimed = requested.AddSeconds(random.Next(5, 900));
            var routing = new BsonDocument
            {
                { "state", "claimed" }, { "requestedAt", requested }, { "claimedAt", claimed }, { "claimedBy", closers[random.Next(3)] },
                { "firstHumanContactAt", random.Next(3) == 0 ? BsonNull.Value : claimed.AddSeconds(random.Next(1, 7200)) },
            };
            var tasks = new BsonArray(Enumerable.Range(0, random.Next(0, 3)).Select(_ => new BsonDocument
            {
                { "_id", ObjectId.GenerateNewId() }, { "ownerId", closers[random.Next(3)].ToString() }, { "status", random.Next(4) == 0 ? "done" : "open" },
                { "dueAt", Now.AddHours(random.Next(-48, 48)) },
            }));
            leads.Add(new BsonDocument { { "_id", ObjectId.GenerateNewId() }, { "source", StoredEnum.Name(sources[random.Next(3)]) }, { "routing", routing }, { "tasks", tasks } });
        }
        leads.Add(new BsonDocument { { "_id", ObjectId.GenerateNewId() }, { "source", "zillow" }, { "routing", new BsonDocument("state", "offered") } });
        await database.GetCollection<BsonDocument>(CollectionNames.Leads).InsertManyAsync(leads);

        var from = Now.AddDays(-30);
        var result = await new CloserMetricsQuery(database, clock).RunAsync(from, Now, default);

        var inPeriod = leads.Where(l => l["routing"]["state"] == "claimed" && l["routing"]["claimedAt"].ToUniversalTime() >= from && l["routing"]["claimedAt"].ToUniversalTime() < Now).ToList();
        foreach (var closer in closers)
        {
            var mine = inPeriod.Where(l => l["routing"]["claimedBy"] == closer).ToList();
            var row = result.Closers.Single(c => c.UserId == closer);
            AssertSpeed(mine.Select(ToClaim), row.SpeedToClaim);
            AssertSpeed(mine.Where(HasContact).Select(ToContact), row.SpeedToFirstHumanContact);

            var open = leads.SelectMany(l => l.GetValue("tasks", new BsonArray()).AsBsonArray.Select(t => t.AsBsonDocument))
                .Where(t => t["ownerId"] == closer.ToString() && t["status"] == "open").ToList();
            Assert.Equal(open.Count, result.Tasks.GetValueOrDefault(closer)?.Open ?? 0);
            Assert.Equal(open.Count(t => t["dueAt"].ToUniversalTime() < Now), result.Tasks.GetValueOrDefault(closer)?.Overdue ?? 0);
        }
        foreach (var source in sources)
        {
            var ofSource = inPeriod.Where(l => l["source"] == StoredEnum.Name(source)).ToList();
            var row = result.Sources.Single(s => s.Source == source);
            AssertSpeed(ofSource.Select(ToClaim), row.SpeedToClaim);
            AssertSpeed(ofSource.Where(HasContact).Select(ToContact), row.SpeedToFirstHumanContact);
        }
    }

    private static bool HasContact(BsonDocument lead) => !lead["routing"]["firstHumanContactAt"].IsBsonNull;

    private static double ToClaim(BsonDocument lead) => (lead["routing"]["claimedAt"].ToUniversalTime() - lead["routing"]["requestedAt"].ToUniversalTime()).TotalSeconds;

    private static double ToContact(BsonDocument lead) => (lead["routing"]["firstHumanContactAt"].ToUniversalTime() - lead["routing"]["requestedAt"].ToUniversalTime()).TotalSeconds;

    /// <summary>Median and p90 by linear interpolation between closest ranks, computed independently.</summary>
    private static void AssertSpeed(IEnumerable<double> values, SpeedStatistics actual)
    {
        var sorted = values.OrderBy(v => v).ToList();
        Assert.Equal(sorted.Count, actual.Count);
        if (sorted.Count == 0)
        {
            Assert.Null(actual.MedianSeconds);
            return;
        }
        double Quantile(double p)
        {
            var position = p * (sorted.Count - 1);
            var below = sorted[(int)position];
            var above = sorted[Math.Min(sorted.Count - 1, (int)position + 1)];
            return below + (above - below) * (position - (int)position);
        }
        Assert.Equal(Quantile(0.5), actual.MedianSeconds!.Value, 2);
        Assert.Equal(Quantile(0.9), actual.P90Seconds!.Value, 2);
    }
}
