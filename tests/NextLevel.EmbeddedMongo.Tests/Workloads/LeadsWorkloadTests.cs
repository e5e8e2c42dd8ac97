using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Tests.Commands;

namespace NextLevel.EmbeddedMongo.Tests.Workloads;

/// <summary>
/// The seed schema's own workload (shared/seed/mongodb-schema.md) run through the driver: leads with their indexes
/// and a validator, contact attempts, lead claiming, the two dashboard aggregations and the transcript archival.
/// </summary>
public sealed class LeadsWorkloadTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private static readonly DateTime October1 = new(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ObjectId CampaignId = ObjectId.Parse("507f1f77bcf86cd799439013");
    private static readonly string[] Sources = ["google_ads", "zillow", "realgeeks"];
    private static readonly string[] Statuses = ["new", "contacted", "qualified", "nurturing"];

    private static readonly BsonDocument LeadValidator = new("$jsonSchema", new BsonDocument
    {
        { "bsonType", "object" },
        { "required", new BsonArray { "source", "externalId", "status" } },
        {
            "properties", new BsonDocument
            {
                { "source", new BsonDocument("enum", new BsonArray(Sources)) },
                { "externalId", new BsonDocument("bsonType", "string") },
                { "status", new BsonDocument("enum", new BsonArray { "new", "contacted", "qualified", "nurturing", "converted", "lost", "dnc" }) },
            }
        },
    });

    private static IEnumerable<CreateIndexModel<BsonDocument>> LeadIndexes() =>
    [
        new(new BsonDocument("contact.email", 1)),
        new(new BsonDocument("contact.phone", 1)),
        new(new BsonDocument { { "source", 1 }, { "externalId", 1 } }, new CreateIndexOptions { Unique = true }),
        new(new BsonDocument { { "status", 1 }, { "nextFollowUp", 1 } }),
        new(new BsonDocument { { "qualification.qualified", 1 }, { "qualification.score", -1 } }),
        new(new BsonDocument("receivedAt", -1)),
        new(new BsonDocument { { "consent.hasWrittenConsent", 1 }, { "dncStatus.onNationalRegistry", 1 } }),
    ];

    private static BsonDocument Lead(int i) => new()
    {
        { "source", Sources[i % 3] },
        { "externalId", $"EXT-{i:D5}" },
        { "receivedAt", October1.AddHours(i) },
        { "contact", new BsonDocument { { "firstName", "Lead" + i }, { "email", $"lead{i}@example.com" }, { "phone", $"+1555{i:D7}" } } },
        { "qualification", new BsonDocument { { "score", (i % 10) / 10.0 + 0.05 }, { "qualified", i % 2 == 0 } } },
        { "status", Statuses[i % 4] },
        { "contactAttempts", new BsonArray() },
        { "consent", new BsonDocument { { "hasWrittenConsent", true } } },
        { "dncStatus", new BsonDocument { { "onNationalRegistry", false } } },
        { "nextFollowUp", October1.AddDays(1 + i % 5) },
    };

    private async Task<IMongoCollection<BsonDocument>> LeadsAsync(IMongoDatabase database, int count)
    {
        await database.CreateCollectionAsync("leads", new CreateCollectionOptions<BsonDocument> { Validator = LeadValidator });
        var leads = database.GetCollection<BsonDocument>("leads");
        await leads.Indexes.CreateManyAsync(LeadIndexes());
        if (count > 0) await leads.InsertManyAsync(Enumerable.Range(0, count).Select(Lead));
        return leads;
    }

    [Fact]
    public async Task Leads_indexes_are_listed_by_their_generated_names()
    {
        var leads = await LeadsAsync(fixture.Client.GetDatabase("workload_leads_indexes"), 0);

        var names = (await (await leads.Indexes.ListAsync()).ToListAsync()).Select(i => i["name"].AsString).ToList();

        Assert.Equal(
            ["_id_", "contact.email_1", "contact.phone_1", "source_1_externalId_1", "status_1_nextFollowUp_1",
             "qualification.qualified_1_qualification.score_-1", "receivedAt_-1", "consent.hasWrittenConsent_1_dncStatus.onNationalRegistry_1"],
            names);
    }

    [Fact]
    public async Task Duplicate_source_and_external_id_is_a_duplicate_key()
    {
        var leads = await LeadsAsync(fixture.Client.GetDatabase("workload_leads_unique"), 3);

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => leads.InsertOneAsync(Lead(1)));

        Assert.Equal(ServerErrorCategory.DuplicateKey, error.WriteError.Category);
        Assert.Contains("source_1_externalId_1", error.WriteError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lead_failing_the_schema_validator_is_refused()
    {
        var leads = await LeadsAsync(fixture.Client.GetDatabase("workload_leads_validator"), 0);
        var invalid = Lead(1);
        invalid["status"] = "exploded";

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => leads.InsertOneAsync(invalid));

        Assert.Equal(121, error.WriteError.Code);
    }

    [Fact]
    public async Task Contact_attempts_are_pushed_and_the_follow_up_is_queried_through_its_index()
    {
        var leads = await LeadsAsync(fixture.Client.GetDatabase("workload_leads_attempts"), 20);
        var attempt = new BsonDocument
        {
            { "attemptId", ObjectId.GenerateNewId() },
            { "timestamp", October1.AddDays(2) },
            { "type", "automated_call" },
            { "outcome", "answered" },
            { "duration", 420 },
        };

        var result = await leads.UpdateOneAsync(
            new BsonDocument { { "source", "zillow" }, { "externalId", "EXT-00001" } },
            new BsonDocument
            {
                { "$push", new BsonDocument("contactAttempts", attempt) },
                { "$set", new BsonDocument { { "lastContactedAt", October1.AddDays(2) }, { "status", "contacted" } } },
            });
        var due = await leads.Find(new BsonDocument
        {
            { "status", "contacted" },
            { "nextFollowUp", new BsonDocument("$lte", October1.AddDays(3)) },
        }).ToListAsync();

        Assert.Equal(1, result.ModifiedCount);
        var updated = await leads.Find(new BsonDocument("externalId", "EXT-00001")).SingleAsync();
        Assert.Equal("answered", updated["contactAttempts"][0]["outcome"].AsString);
        Assert.Contains(due, d => d["externalId"] == "EXT-00001");
        Assert.All(due, d => Assert.True(d["nextFollowUp"].ToUniversalTime() <= October1.AddDays(3)));
    }

    [Fact]
    public async Task Workers_claiming_new_leads_never_claim_the_same_lead_twice()
    {
        var leads = await LeadsAsync(fixture.Client.GetDatabase("workload_leads_claims"), 40);
        var newLeads = (int)await leads.CountDocumentsAsync(new BsonDocument("status", "new"));

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var claimed = new List<BsonValue>();
            while (true)
            {
                var lead = await leads.FindOneAndUpdateAsync(
                    new BsonDocument("status", "new"),
                    new BsonDocument("$set", new BsonDocument { { "status", "contacted" }, { "claimedBy", worker } }),
                    new FindOneAndUpdateOptions<BsonDocument> { Sort = new BsonDocument("receivedAt", 1), ReturnDocument = ReturnDocument.After });
                if (lead is null) return claimed;
                claimed.Add(lead["_id"]);
            }
        }));

        var claims = (await Task.WhenAll(workers)).SelectMany(c => c).ToList();

        Assert.Equal(newLeads, claims.Count);
        Assert.Equal(claims.Count, claims.Distinct().Count());
        Assert.Equal(0, await leads.CountDocumentsAsync(new BsonDocument("status", "new")));
    }

    [Fact]
    public async Task Campaign_performance_groups_calls_by_outcome()
    {
        var calls = fixture.Client.GetDatabase("workload_calls").GetCollection<BsonDocument>("calls");
        await calls.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(new BsonDocument { { "campaignId", 1 }, { "initiatedAt", -1 } }),
            new CreateIndexModel<BsonDocument>(new BsonDocument("callSid", 1), new CreateIndexOptions { Unique = true }),
        ]);
        string[] outcomes = ["qualified", "not_interested", "voicemail"];
        await calls.InsertManyAsync(Enumerable.Range(0, 30).Select(i => new BsonDocument
        {
            { "callSid", $"CA{i:D6}" },
            { "campaignId", i < 27 ? CampaignId : ObjectId.GenerateNewId() },
            { "initiatedAt", i % 9 == 8 ? October1.AddDays(-3) : October1.AddHours(i) },
            { "duration", 100 + i },
            { "outcome", outcomes[i % 3 == 0 ? 0 : i % 2 == 0 ? 1 : 2] },
            { "sentiment", new BsonDocument("overall", 0.5) },
            { "cost", new BsonDocument("totalCost", 0.25) },
        }));

        var performance = await calls.Aggregate<BsonDocument>(new BsonDocument[]
        {
            new("$match", new BsonDocument { { "campaignId", CampaignId }, { "initiatedAt", new BsonDocument("$gte", October1) } }),
            new("$group", new BsonDocument
            {
                { "_id", "$outcome" },
                { "count", new BsonDocument("$sum", 1) },
                { "avgDuration", new BsonDocument("$avg", "$duration") },
                { "avgSentiment", new BsonDocument("$avg", "$sentiment.overall") },
                { "totalCost", new BsonDocument("$sum", "$cost.totalCost") },
            }),
            new("$sort", new BsonDocument("count", -1)),
        }).ToListAsync();

        var expected = Enumerable.Range(0, 27).Where(i => i % 9 != 8)
            .GroupBy(i => outcomes[i % 3 == 0 ? 0 : i % 2 == 0 ? 1 : 2])
            .ToDictionary(g => g.Key, g => (Count: g.Count(), AvgDuration: g.Average(i => 100.0 + i)));
        Assert.Equal(expected.Count, performance.Count);
        Assert.True(performance.Select(p => p["count"].ToInt32()).SequenceEqual(performance.Select(p => p["count"].ToInt32()).OrderDescending()));
        foreach (var row in performance)
        {
            var (count, avgDuration) = expected[row["_id"].AsString];
            Assert.Equal(count, row["count"].ToInt32());
            Assert.Equal(avgDuration, row["avgDuration"].ToDouble(), 6);
            Assert.Equal(0.5, row["avgSentiment"].ToDouble(), 6);
            Assert.Equal(count * 0.25, row["totalCost"].ToDouble(), 6);
        }
    }

    [Fact]
    public async Task Lead_funnel_reports_counts_and_rounded_average_scores_per_status()
    {
        var leads = await LeadsAsync(fixture.Client.GetDatabase("workload_leads_funnel"), 40);

        var funnel = await leads.Aggregate<BsonDocument>(new BsonDocument[]
        {
            new("$match", new BsonDocument("receivedAt", new BsonDocument("$gte", October1))),
            new("$group", new BsonDocument { { "_id", "$status" }, { "count", new BsonDocument("$sum", 1) }, { "avgScore", new BsonDocument("$avg", "$qualification.score") } }),
            new("$project", new BsonDocument { { "status", "$_id" }, { "count", 1 }, { "avgScore", new BsonDocument("$round", new BsonArray { "$avgScore", 2 }) }, { "_id", 0 } }),
        }).ToListAsync();

        Assert.Equal(4, funnel.Count);
        foreach (var row in funnel)
        {
            var members = Enumerable.Range(0, 40).Where(i => Statuses[i % 4] == row["status"].AsString).ToList();
            Assert.Equal(members.Count, row["count"].ToInt32());
            Assert.Equal(Math.Round(members.Average(i => (i % 10) / 10.0 + 0.05), 2), row["avgScore"].ToDouble(), 6);
            Assert.False(row.Contains("_id"));
        }
    }

    [Fact]
    public async Task Old_transcripts_are_archived_with_out_then_deleted()
    {
        var database = fixture.Client.GetDatabase("workload_transcripts");
        var transcripts = database.GetCollection<BsonDocument>("call_transcripts");
        await transcripts.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("callId", 1), new CreateIndexOptions { Unique = true }));
        var cutoff = new DateTime(2024, 10, 24, 0, 0, 0, DateTimeKind.Utc);
        await transcripts.InsertManyAsync(Enumerable.Range(0, 12).Select(i => new BsonDocument
        {
            { "callId", ObjectId.GenerateNewId() },
            { "messages", new BsonArray { new BsonDocument { { "speaker", "agent" }, { "text", "Hello" }, { "timestamp", 0 } } } },
            { "topics", new BsonArray { "timeline" } },
            { "createdAt", i < 5 ? cutoff.AddDays(-30 - i) : cutoff.AddDays(i) },
        }));
        var oldFilter = new BsonDocument("createdAt", new BsonDocument("$lt", cutoff));

        await transcripts.Aggregate<BsonDocument>(new BsonDocument[] { new("$match", oldFilter), new("$out", "call_transcripts_archive_2024") }).ToListAsync();
        var deleted = await transcripts.DeleteManyAsync(oldFilter);

        var archive = database.GetCollection<BsonDocument>("call_transcripts_archive_2024");
        Assert.Equal(5, await archive.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
        Assert.Equal(5, deleted.DeletedCount);
        Assert.Equal(7, await transcripts.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
        var collections = await (await database.ListCollectionNamesAsync()).ToListAsync();
        Assert.Equal(["call_transcripts", "call_transcripts_archive_2024"], collections.Order());

        await database.DropCollectionAsync("call_transcripts_archive_2024");
        Assert.Equal(["call_transcripts"], await (await database.ListCollectionNamesAsync()).ToListAsync());
    }
}
