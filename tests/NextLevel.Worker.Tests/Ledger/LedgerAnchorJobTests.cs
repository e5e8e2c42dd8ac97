using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Ledger;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Services.Ledger;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.Ledger;

public sealed class LedgerAnchorJobTests(EmbeddedDatabase server) : IClassFixture<EmbeddedDatabase>
{
    [Fact]
    public async Task The_job_anchors_yesterday_once_and_the_next_day_only_the_chains_that_changed()
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 0, 10, 0, TimeSpan.Zero));
        var ledger = new ConsentLedger(database);
        var job = new LedgerAnchorJob(new ConsentLedgerAnchors(database, clock), clock);
        await ledger.AppendAsync(new ConsentLog { Phone = "+12065550100", EventType = ConsentEventType.ConsentGranted, Timestamp = clock.GetUtcNow().UtcDateTime });
        await ledger.AppendAsync(new ConsentLog { Phone = "+12065550101", EventType = ConsentEventType.ConsentGranted, Timestamp = clock.GetUtcNow().UtcDateTime });

        var first = await job.RunAsync(default);
        clock.Advance(TimeSpan.FromHours(1));
        var repeated = await job.RunAsync(default);
        var revoked = await ledger.AppendAsync(new ConsentLog { Phone = "+12065550101", EventType = ConsentEventType.ConsentRevoked, Timestamp = clock.GetUtcNow().UtcDateTime });
        clock.Advance(TimeSpan.FromDays(1));
        var next = await job.RunAsync(default);

        Assert.Equal((new DateOnly(2026, 3, 2), true, 2, 2L), (first.Day, first.Written, first.ChainsChanged, first.ChainCount));
        Assert.Equal((new DateOnly(2026, 3, 2), false), (repeated.Day, repeated.Written));
        Assert.Equal((new DateOnly(2026, 3, 3), true, 1, 2L), (next.Day, next.Written, next.ChainsChanged, next.ChainCount));
        var stored = await database.GetCollection<BsonDocument>(CollectionNames.SystemConfig).Find(new BsonDocument("_id", "consent_ledger_anchor:2026-03-03")).SingleAsync();
        Assert.Equal(revoked.Hash, stored["value"]["chains"][0]["hash"].AsString);
        Assert.Equal("compliance.consentLedgerAnchor.d20260303", stored["key"].AsString);
        Assert.True((await new ConsentLedgerVerifier(database, clock).VerifyAllAsync()).Valid);
    }
}
