using System.Reflection;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Persistence.Catalogue;

namespace NextLevel.Domain.Tests.Integration;

public class ConsentLedgerTests(EmbeddedMongoFixture mongo) : IClassFixture<EmbeddedMongoFixture>
{
    [Fact]
    public async Task Appended_events_are_read_back_newest_first()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        var ledger = new ConsentLedger(database);
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await ledger.AppendAsync(new ConsentLog { Phone = "+15551234567", EventType = ConsentEventType.ConsentGranted, Timestamp = t0 });
        await ledger.AppendAsync(new ConsentLog { Phone = "+15551234567", EventType = ConsentEventType.ConsentRevoked, Timestamp = t0.AddDays(1) });

        var events = await ledger.ForPhoneAsync("+15551234567");

        Assert.Equal([ConsentEventType.ConsentRevoked, ConsentEventType.ConsentGranted], events.Select(e => e.EventType));
    }

    [Fact]
    public void The_ledger_offers_no_way_to_change_or_remove_an_event()
    {
        var methods = typeof(ConsentLedger).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name);

        Assert.All(methods, name => Assert.True(name.StartsWith("Append", StringComparison.Ordinal) || name.StartsWith("For", StringComparison.Ordinal), name));
        Assert.DoesNotContain(typeof(ConsentLedger).GetProperties(), p => p.PropertyType.Name.StartsWith("IMongoCollection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_event_that_already_has_an_id_is_refused()
    {
        var ledger = new ConsentLedger(mongo.NewDatabase());

        await Assert.ThrowsAsync<ArgumentException>(() => ledger.AppendAsync(new ConsentLog { Id = MongoDB.Bson.ObjectId.GenerateNewId() }));
    }
}
