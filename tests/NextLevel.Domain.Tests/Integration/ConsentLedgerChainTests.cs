using MongoDB.Bson;
using MongoDB.Driver;
using Microsoft.Extensions.Time.Testing;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Ledger;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Persistence.Catalogue;

namespace NextLevel.Domain.Tests.Integration;

/// <summary>The ledger through the real driver against the embedded engine: appends, races, direct edits, sealing, anchors.</summary>
public sealed class ConsentLedgerChainTests(EmbeddedMongoFixture mongo) : IClassFixture<EmbeddedMongoFixture>
{
    private const string Phone = "+12065550100";
    private static readonly DateTime T0 = new(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(T0));

    private async Task<IMongoDatabase> NewDatabaseAsync()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        return database;
    }

    private static ConsentLog Event(ConsentEventType type, int minutes, string phone = Phone) =>
        new() { Phone = phone, EventType = type, Timestamp = T0.AddMinutes(minutes), RecordedBy = "staff" };

    private static IMongoCollection<BsonDocument> Logs(IMongoDatabase database) => database.GetCollection<BsonDocument>(CollectionNames.ConsentLogs);

    [Fact]
    public async Task The_catalogue_makes_each_place_in_a_chain_unique()
    {
        var database = await NewDatabaseAsync();
        var indexes = await (await Logs(database).Indexes.ListAsync()).ToListAsync();

        var index = Assert.Single(indexes, i => i["name"] == "chainKey_1_sequence_1");
        Assert.True(index["unique"].ToBoolean());
        await new ConsentLedger(database).AppendAsync(Event(ConsentEventType.ConsentGranted, 0));
        var stored = await Logs(database).Find(FilterDefinition<BsonDocument>.Empty).SingleAsync();
        stored["_id"] = ObjectId.GenerateNewId();
        var duplicate = await Assert.ThrowsAsync<MongoWriteException>(() => Logs(database).InsertOneAsync(stored));
        Assert.Equal(ServerErrorCategory.DuplicateKey, duplicate.WriteError.Category);
    }

    [Fact]
    public async Task Appends_form_one_linked_chain_per_phone()
    {
        var database = await NewDatabaseAsync();
        var ledger = new ConsentLedger(database);
        var first = await ledger.AppendAsync(Event(ConsentEventType.ConsentGranted, 0));
        await ledger.AppendAsync(Event(ConsentEventType.ConsentGranted, 1, "+12065550199"));
        var second = await ledger.AppendAsync(Event(ConsentEventType.ConsentRevoked, 2));

        Assert.Equal((Phone, 0L, LedgerCanonicalForm.GenesisHash), (first.ChainKey, first.Sequence!.Value, first.PreviousHash));
        Assert.Equal((1L, first.Hash), (second.Sequence!.Value, second.PreviousHash));
        var stored = await Logs(database).Find(new BsonDocument("_id", second.Id)).SingleAsync();
        Assert.Equal(LedgerCanonicalForm.Hash(stored), stored["hash"].AsString);
        var result = await new ConsentLedgerVerifier(database, _clock).VerifyAllAsync();
        Assert.Equal((true, 2, 3L), (result.Valid, result.ChainsChecked, result.EntriesChecked));
    }

    [Fact]
    public async Task Expecting_a_new_chain_still_links_after_an_existing_tail()
    {
        var database = await NewDatabaseAsync();
        var ledger = new ConsentLedger(database);
        var first = await ledger.AppendAsync(Event(ConsentEventType.ConsentGranted, 0), expectNewChain: true);
        var second = await ledger.AppendAsync(Event(ConsentEventType.ConsentRevoked, 1), expectNewChain: true);

        Assert.Equal((0L, LedgerCanonicalForm.GenesisHash), (first.Sequence!.Value, first.PreviousHash));
        Assert.Equal((1L, first.Hash), (second.Sequence!.Value, second.PreviousHash));
        Assert.Equal(2, await Logs(database).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
        Assert.True((await new ConsentLedgerVerifier(database, _clock).VerifyPhoneAsync(Phone)).Valid);
    }

    [Fact]
    public async Task An_entry_without_a_phone_is_chained_by_its_email_address()
    {
        var database = await NewDatabaseAsync();
        var entry = await new ConsentLedger(database).AppendAsync(new ConsentLog { Email = "Owner@Example.com", EventType = ConsentEventType.ConsentRevoked, Timestamp = T0 });

        Assert.Equal("email:owner@example.com", entry.ChainKey);
    }

    [Fact]
    public async Task Twenty_concurrent_appends_to_one_phone_give_a_gap_free_valid_chain()
    {
        var database = await NewDatabaseAsync();
        var ledger = new ConsentLedger(database);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => ledger.AppendAsync(Event(ConsentEventType.ConsentGranted, i)))));

        var chain = await ledger.ForChainAsync(Phone);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long?)i), chain.Select(e => e.Sequence));
        Assert.All(chain.Skip(1).Zip(chain), p => Assert.Equal(p.Second.Hash, p.First.PreviousHash));
        var result = await new ConsentLedgerVerifier(database, _clock).VerifyPhoneAsync(Phone);
        Assert.True(result.Valid, result.FirstMismatch?.ToString());
        Assert.Equal(20, result.EntriesChecked);
    }

    [Fact]
    public async Task A_direct_edit_through_the_driver_fails_verification_at_exactly_that_entry()
    {
        var database = await NewDatabaseAsync();
        var ledger = new ConsentLedger(database);
        var entries = new List<ConsentLog>();
        for (var i = 0; i < 5; i++) entries.Add(await ledger.AppendAsync(Event(i % 2 == 0 ? ConsentEventType.ConsentGranted : ConsentEventType.ConsentRevoked, i)));

        await Logs(database).UpdateOneAsync(new BsonDocument("_id", entries[2].Id), new BsonDocument("$set", new BsonDocument("recordedBy", "someone else")));

        var verifier = new ConsentLedgerVerifier(database, _clock);
        foreach (var result in new[] { await verifier.VerifyAllAsync(), await verifier.VerifyPhoneAsync(Phone) })
        {
            Assert.False(result.Valid);
            Assert.Equal(new LedgerMismatch(entries[2].Id.ToString(), Phone, 2, LedgerMismatchReasons.HashMismatch), result.FirstMismatch);
        }
    }

    [Fact]
    public async Task Deleting_the_last_entry_after_an_anchor_is_reported_by_the_anchor()
    {
        var database = await NewDatabaseAsync();
        var ledger = new ConsentLedger(database);
        await ledger.AppendAsync(Event(ConsentEventType.ConsentGranted, 0));
        var last = await ledger.AppendAsync(Event(ConsentEventType.ConsentRevoked, 1));
        var (anchor, _) = await new ConsentLedgerAnchors(database, _clock).WriteAsync(new DateOnly(2026, 3, 2));

        await Logs(database).DeleteOneAsync(new BsonDocument("_id", last.Id));

        var result = await new ConsentLedgerVerifier(database, _clock).VerifyPhoneAsync(Phone);
        Assert.Equal(new LedgerMismatch(null, Phone, 1, LedgerMismatchReasons.AnchoredEntryMissing, anchor.Id), result.FirstMismatch);
    }

    [Fact]
    public async Task Anchors_are_written_once_a_day_and_hold_only_the_chains_changed_since_the_previous_one()
    {
        var database = await NewDatabaseAsync();
        var ledger = new ConsentLedger(database);
        var anchors = new ConsentLedgerAnchors(database, _clock);
        await ledger.AppendAsync(Event(ConsentEventType.ConsentGranted, 0));
        await ledger.AppendAsync(Event(ConsentEventType.ConsentGranted, 0, "+12065550199"));

        var (first, written) = await anchors.WriteAsync(new DateOnly(2026, 3, 2));
        var (again, writtenAgain) = await anchors.WriteAsync(new DateOnly(2026, 3, 2));
        var latest = await ledger.AppendAsync(Event(ConsentEventType.ConsentRevoked, 5));
        var (second, _) = await anchors.WriteAsync(new DateOnly(2026, 3, 3));

        Assert.Equal((true, false, first.RootHash), (written, writtenAgain, again.RootHash));
        Assert.Equal(2, first.Changed.Count);
        Assert.Equal([new ConsentChainHead(Phone, 1, latest.Hash!)], second.Changed);
        Assert.Equal((2L, first.RootHash), (second.ChainCount, second.PreviousRootHash));
        var stored = await database.GetCollection<BsonDocument>(CollectionNames.SystemConfig).Find(new BsonDocument("_id", "consent_ledger_anchor:2026-03-03")).SingleAsync();
        Assert.Equal(second.RootHash, stored["value"]["rootHash"].AsString);
        var result = await new ConsentLedgerVerifier(database, _clock).VerifyAllAsync();
        Assert.Equal((true, 2), (result.Valid, result.AnchorsChecked));
    }

    [Fact]
    public async Task An_edited_anchor_is_reported()
    {
        var database = await NewDatabaseAsync();
        await new ConsentLedger(database).AppendAsync(Event(ConsentEventType.ConsentGranted, 0));
        var (anchor, _) = await new ConsentLedgerAnchors(database, _clock).WriteAsync(new DateOnly(2026, 3, 2));

        await database.GetCollection<BsonDocument>(CollectionNames.SystemConfig).UpdateOneAsync(new BsonDocument("_id", anchor.Id),
            new BsonDocument("$set", new BsonDocument("value.chains.0.hash", new string('a', 64))));

        var result = await new ConsentLedgerVerifier(database, _clock).VerifyAllAsync();
        Assert.Equal(new LedgerMismatch(null, null, null, LedgerMismatchReasons.AnchorRootMismatch, anchor.Id), result.FirstMismatch);
    }

    [Fact]
    public async Task The_migration_seals_entries_written_before_the_ledger_once_in_id_order()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        var ids = Enumerable.Range(0, 4).Select(_ => ObjectId.GenerateNewId()).ToList();
        // The shape the earlier code wrote: every ConsentLog field, no chain fields (inserted out of _id order on purpose).
        foreach (var i in new[] { 2, 0, 3, 1 })
        {
            var legacy = new BsonDocument
            {
                { "_id", ids[i] }, { "leadId", BsonNull.Value }, { "phone", i == 3 ? "+12065550199" : Phone }, { "email", BsonNull.Value },
                { "eventType", "consent_granted" }, { "consentDetails", BsonNull.Value }, { "channels", BsonNull.Value }, { "origin", "staff" },
                { "evidence", BsonNull.Value }, { "ipAddress", BsonNull.Value }, { "userAgent", BsonNull.Value }, { "referrer", BsonNull.Value },
                { "timestamp", T0.AddMinutes(i) }, { "recordedBy", "staff" }, { "verified", false }, { "verifiedAt", BsonNull.Value }, { "verificationMethod", BsonNull.Value },
            };
            await Logs(database).InsertOneAsync(legacy);
        }
        Assert.False((await new ConsentLedgerVerifier(database, _clock).VerifyAllAsync()).Valid);

        var report = await new CatalogueMigrator(database).ApplyAsync();
        var again = await new CatalogueMigrator(database).ApplyAsync();
        var appended = await new ConsentLedger(database).AppendAsync(Event(ConsentEventType.ConsentRevoked, 9));

        Assert.Equal((4L, 0L, true), (report.SealedConsentEntries, again.SealedConsentEntries, again.IsNoOp));
        var chain = await new ConsentLedger(database).ForChainAsync(Phone);
        Assert.Equal([ids[0], ids[1], ids[2], appended.Id], chain.Select(e => e.Id));
        Assert.Equal([true, true, true, null], chain.Select(e => e.SealedAtMigration));
        var result = await new ConsentLedgerVerifier(database, _clock).VerifyAllAsync();
        Assert.True(result.Valid, result.FirstMismatch?.ToString());
        Assert.Equal((2, 5L), (result.ChainsChecked, result.EntriesChecked));
    }

    [Fact]
    public async Task An_entry_written_around_the_ledger_is_reported_as_not_sealed()
    {
        var database = await NewDatabaseAsync();
        await new ConsentLedger(database).AppendAsync(Event(ConsentEventType.ConsentGranted, 0));
        var sneaked = ObjectId.GenerateNewId();
        await Logs(database).InsertOneAsync(new BsonDocument { { "_id", sneaked }, { "phone", Phone }, { "eventType", "consent_granted" }, { "timestamp", T0 }, { "recordedBy", "x" } });

        var result = await new ConsentLedgerVerifier(database, _clock).VerifyPhoneAsync(Phone);

        Assert.Equal((sneaked.ToString(), LedgerMismatchReasons.NotSealed), (result.FirstMismatch!.EntryId, result.FirstMismatch.Reason));
    }
}
