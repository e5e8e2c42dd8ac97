using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Planner;
using NextLevel.EmbeddedMongo.Storage;
using NextLevel.EmbeddedMongo.Tests.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Indexes;

/// <summary>
/// How the planner weighs a filter index against the sort: among indexes with the same bounds the one giving the
/// sort wins; and a filter index leaving many matches to sort loses to a walk in the sort's order, while a selective
/// one keeps its place (what MongoDB's plan trial picks for a first batch).
/// </summary>
public sealed class QueryPlannerSortChoiceTests : IAsyncLifetime
{
    private const int DocumentCount = 10_000;
    private StorageEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await StorageTestSupport.OpenMemoryAsync();
        await _engine.WriteAsync(writer =>
        {
            var leads = writer.GetOrCreateCollection("test", "leads");
            foreach (var spec in new[]
            {
                "{ key: { status: 1, followUp: 1 } }",
                "{ key: { status: 1, receivedAt: -1, _id: -1 } }",
                "{ key: { source: 1, externalId: 1 } }",
                "{ key: { receivedAt: -1, _id: -1 } }",
            })
            {
                writer.CreateIndex(leads, IndexDefinition.FromSpec(BsonDocument.Parse(spec)));
            }
            var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < DocumentCount; i++)
            {
                writer.Insert(leads, new BsonDocument
                {
                    { "_id", i },
                    { "status", i % 4 == 0 ? "qualified" : "contacted" },
                    // 9,990 from "zillow" (wide), 10 from "referral" (selective).
                    { "source", i % 1000 == 0 ? "referral" : "zillow" },
                    { "externalId", $"X{i}" },
                    { "followUp", new BsonDateTime(start.AddHours(i % 97)) },
                    { "receivedAt", new BsonDateTime(start.AddMinutes(i)) },
                });
            }
            return 0;
        });
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public void With_the_same_bounds_the_index_giving_the_sort_wins_over_a_shorter_one()
    {
        var plan = Plan("{ status: 'qualified' }", "{ receivedAt: -1, _id: -1 }");

        Assert.Equal("IXSCAN { status: 1, receivedAt: -1, _id: -1 }", plan.Summary);
        Assert.True(plan.ProvidesSort);
        var ids = Candidates(plan).Take(3).Select(d => d["_id"].AsInt32);
        Assert.Equal([9996, 9992, 9988], ids);
    }

    [Fact]
    public void Without_a_sort_the_shorter_index_of_the_same_bounds_is_read()
    {
        var plan = Plan("{ status: 'qualified' }", null);

        Assert.Equal("IXSCAN { status: 1, followUp: 1 }", plan.Summary);
    }

    [Fact]
    public void A_filter_index_leaving_many_matches_to_sort_gives_way_to_a_walk_in_sort_order()
    {
        var plan = Plan("{ source: 'zillow' }", "{ receivedAt: -1, _id: -1 }");

        Assert.Equal("IXSCAN { receivedAt: -1, _id: -1 }", plan.Summary);
        Assert.True(plan.ProvidesSort);
        // The walk yields candidates in order; the filter (applied by the caller) still decides which match.
        Assert.Equal(9999, Candidates(plan).First()["_id"].AsInt32);
    }

    [Fact]
    public void A_selective_filter_index_is_kept_and_its_few_matches_sorted()
    {
        var plan = Plan("{ source: 'referral' }", "{ receivedAt: -1, _id: -1 }");

        Assert.Equal("IXSCAN { source: 1, externalId: 1 }", plan.Summary);
        Assert.False(plan.ProvidesSort);
        Assert.Equal(10, Candidates(plan).Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void An_in_list_before_the_sort_field_merges_its_runs_in_sort_order_and_a_page_reads_a_page_of_keys(int direction)
    {
        var plan = Plan("{ status: { $in: ['qualified', 'contacted'] } }", $"{{ followUp: {direction} }}");

        Assert.Equal("IXSCAN { status: 1, followUp: 1 }", plan.Summary);
        Assert.True(plan.ProvidesSort);
        var page = _engine.Read(_ => plan.Candidates.Take(20).Select(stored => stored.ToBsonDocument()).ToList());
        var expected = Enumerable.Range(0, DocumentCount)
            .OrderBy(i => direction * (i % 97)).ThenBy(i => direction * i)
            .Take(20).ToList();
        Assert.Equal(expected, page.Select(document => document["_id"].AsInt32));
        // One key per point is read ahead, never the rest of either run.
        Assert.InRange(plan.KeysExamined, 20, 22);
    }

    [Fact]
    public void A_limited_read_in_index_order_stops_at_the_documents_it_needs()
    {
        var snapshot = _engine.Read(reader => NextLevel.EmbeddedMongo.Engine.Queries.CollectionSnapshot.CaptureFirst(
            reader.Collection("test", "leads"), BsonDocument.Parse("{ source: 'zillow' }"), BsonDocument.Parse("{ receivedAt: -1, _id: -1 }"), null,
            needed: 25, variables: null, now: DateTime.UtcNow));

        Assert.Equal(Enumerable.Range(DocumentCount - 26, 26).Reverse().Where(i => i % 1000 != 0).Take(25), snapshot.Documents.Select(stored => stored.ToBsonDocument()["_id"].AsInt32));
        Assert.InRange(snapshot.Plan!.KeysExamined, 25, 26);
    }

    private QueryPlan Plan(string filter, string? sort) =>
        _engine.Read(reader => QueryPlanner.Plan(reader.Collection("test", "leads")!, BsonDocument.Parse(filter), sort is null ? null : BsonDocument.Parse(sort), null));

    private List<BsonDocument> Candidates(QueryPlan plan) =>
        _engine.Read(_ => plan.Candidates.Select(stored => stored.ToBsonDocument()).ToList());
}
