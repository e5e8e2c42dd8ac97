using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Planner;
using NextLevel.EmbeddedMongo.Storage;
using NextLevel.EmbeddedMongo.Tests.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Indexes;

public sealed class QueryPlannerTests : IAsyncLifetime
{
    private const int DocumentCount = 5000;
    private StorageEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await StorageTestSupport.OpenMemoryAsync();
        await _engine.WriteAsync(writer =>
        {
            var leads = writer.GetOrCreateCollection("test", "leads");
            foreach (var spec in new[]
            {
                "{ key: { email: 1 }, unique: true }",
                "{ key: { status: 1, createdAt: -1 } }",
                "{ key: { price: 1 } }",
                "{ key: { tags: 1 } }",
                "{ key: { 'address.city': 1 } }",
                "{ key: { agent: 1 }, sparse: true }",
            })
            {
                writer.CreateIndex(leads, IndexDefinition.FromSpec(BsonDocument.Parse(spec)));
            }
            for (var i = 0; i < DocumentCount; i++)
            {
                var lead = new BsonDocument
                {
                    { "_id", i },
                    { "email", $"lead{i}@example.com" },
                    { "status", (i % 5) switch { 0 => "new", 1 => "contacted", 2 => "qualified", 3 => "won", _ => "lost" } },
                    { "createdAt", new BsonDateTime(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i)) },
                    { "price", i * 10 },
                    { "tags", new BsonArray { "t" + (i % 100), "all" } },
                    { "address", new BsonDocument("city", "city" + (i % 50)) },
                };
                if (i % 10 == 0) lead.Add("agent", "agent" + (i % 3));
                writer.Insert(leads, lead);
            }
            return 0;
        });
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public void Equality_on_unique_field_reads_one_document()
    {
        var (plan, candidates) = Run("{ email: 'lead42@example.com', status: 'qualified' }");
        Assert.Equal("IXSCAN { email: 1 }", plan.Summary);
        Assert.Equal(42, Assert.Single(candidates)["_id"].AsInt32);
        Assert.Equal(1, plan.DocsExamined);
    }

    [Fact]
    public void Id_equality_uses_the_id_index()
    {
        var (plan, candidates) = Run("{ _id: 4321 }");
        Assert.Equal("IXSCAN { _id: 1 }", plan.Summary);
        Assert.Single(candidates);
    }

    [Fact]
    public void Equality_matches_numbers_across_types()
    {
        var (plan, candidates) = Run("{ price: NumberLong(420) }");
        Assert.Equal("IXSCAN { price: 1 }", plan.Summary);
        Assert.Equal(42, Assert.Single(candidates)["_id"].AsInt32);
        Assert.Single(Run("{ price: 420.0 }").Candidates);
    }

    [Fact]
    public void Range_on_one_field_reads_only_the_range()
    {
        var (plan, candidates) = Run("{ price: { $gte: 100, $lt: 200 } }");
        Assert.Equal("IXSCAN { price: 1 }", plan.Summary);
        Assert.Equal(Enumerable.Range(10, 10), candidates.Select(document => document["_id"].AsInt32));
        Assert.True(plan.KeysExamined <= 11);
    }

    [Fact]
    public void Range_is_type_bracketed()
    {
        var (_, candidates) = Run("{ price: { $gt: 'a' } }");
        Assert.Empty(candidates);
    }

    [Fact]
    public void In_on_indexed_field_reads_each_point()
    {
        var (plan, candidates) = Run("{ email: { $in: ['lead1@example.com', 'lead3@example.com', 'nobody'] } }");
        Assert.Equal("IXSCAN { email: 1 }", plan.Summary);
        Assert.Equal([1, 3], candidates.Select(document => document["_id"].AsInt32).Order());
    }

    [Fact]
    public void Compound_equality_prefix_and_range_on_next_field()
    {
        var from = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(100);
        var filter = new BsonDocument { { "status", "new" }, { "createdAt", new BsonDocument("$gte", from) } };
        var plan = Plan(filter);
        var candidates = Candidates(plan);
        Assert.Equal("IXSCAN { status: 1, createdAt: -1 }", plan.Summary);
        Assert.Equal((DocumentCount - 100) / 5, candidates.Count);
        Assert.Equal(candidates.Count, plan.KeysExamined);
    }

    [Fact]
    public void Sort_on_compound_suffix_comes_from_the_index_order()
    {
        var plan = Plan(BsonDocument.Parse("{ status: 'won' }"), BsonDocument.Parse("{ createdAt: -1 }"));
        Assert.True(plan.ProvidesSort);
        Assert.False(plan.Backward);
        var dates = Candidates(plan).Select(document => document["createdAt"].ToUniversalTime()).ToList();
        Assert.Equal(dates.OrderByDescending(date => date), dates);

        var reversed = Plan(BsonDocument.Parse("{ status: 'won' }"), BsonDocument.Parse("{ createdAt: 1 }"));
        Assert.True(reversed.ProvidesSort);
        Assert.True(reversed.Backward);
        var ascending = Candidates(reversed).Select(document => document["createdAt"].ToUniversalTime()).ToList();
        Assert.Equal(ascending.Order(), ascending);
    }

    [Fact]
    public void Sort_without_filter_walks_a_matching_index()
    {
        var plan = Plan(new BsonDocument(), BsonDocument.Parse("{ price: -1 }"));
        Assert.Equal("IXSCAN { price: 1 }", plan.Summary);
        Assert.True(plan.ProvidesSort);
        Assert.Equal(DocumentCount - 1, Candidates(plan).First()["_id"].AsInt32);
    }

    [Fact]
    public void Multikey_index_serves_equality_but_not_sort()
    {
        var (plan, candidates) = Run("{ tags: 't7' }");
        Assert.Equal("IXSCAN { tags: 1 }", plan.Summary);
        Assert.Equal(DocumentCount / 100, candidates.Count);

        var sorted = Plan(new BsonDocument(), BsonDocument.Parse("{ tags: 1 }"));
        Assert.Equal("COLLSCAN", sorted.Summary);
        Assert.False(sorted.ProvidesSort);
    }

    [Fact]
    public void Multikey_range_returns_each_document_once()
    {
        var (plan, candidates) = Run("{ tags: { $gte: 'a' } }");
        Assert.Equal("IXSCAN { tags: 1 }", plan.Summary);
        Assert.Equal(DocumentCount, candidates.Select(document => document["_id"].AsInt32).Distinct().Count());
        Assert.Equal(DocumentCount, candidates.Count);
    }

    [Fact]
    public void Dotted_equality_uses_the_nested_index()
    {
        var (plan, candidates) = Run("{ 'address.city': 'city7' }");
        Assert.Equal("IXSCAN { address.city: 1 }", plan.Summary);
        Assert.Equal(DocumentCount / 50, candidates.Count);
    }

    [Fact]
    public void Null_in_lists_and_array_equality_fall_back_to_a_scan()
    {
        Assert.Equal("COLLSCAN", Plan(BsonDocument.Parse("{ email: { $in: ['a', null] } }")).Summary);
        Assert.Equal("COLLSCAN", Plan(BsonDocument.Parse("{ tags: ['t1', 'all'] }")).Summary);
    }

    [Fact]
    public void A_case_insensitive_prefix_reads_only_its_case_variants_ranges()
    {
        var plan = Plan(BsonDocument.Parse("{ email: /^LEAD12/i }"));

        Assert.Equal("IXSCAN { email: 1 }", plan.Summary);
        Assert.Equal(111, Candidates(plan).Count);
        // The case variants of the first five characters ("lead1", 32 ranges) hold 1,111 keys; the whole regex is
        // tested on each key, so only the 111 matches (lead12@, lead120..129@, lead1200..1299@) are fetched.
        Assert.InRange(plan.KeysExamined, 1111, 1111 + 32);
        Assert.Equal(111, plan.DocsExamined);
    }

    [Theory]
    [InlineData("{ email: /lead1234@/ }", 1)]
    [InlineData("{ email: /^LEAD123@/i }", 1)]
    [InlineData("{ email: /^lead1|zz/ }", 1111)]
    [InlineData("{ email: { $regex: 'AD49', $options: 'i' } }", 111)]
    public void Any_regex_on_an_indexed_field_tests_the_keys_and_fetches_only_matches(string filter, int matches)
    {
        var plan = Plan(BsonDocument.Parse(filter));

        Assert.Equal("IXSCAN { email: 1 }", plan.Summary);
        var candidates = Candidates(plan);
        var matcher = NextLevel.EmbeddedMongo.Query.Filter.Parse(BsonDocument.Parse(filter));
        Assert.Equal(matches, candidates.Count(candidate => matcher.Matches(candidate)));
        Assert.Equal(matches, candidates.Count);
        Assert.Equal(matches, plan.DocsExamined);
    }

    [Fact]
    public async Task Null_equality_reads_only_the_null_keys_of_a_single_valued_index()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.WriteAsync(writer =>
        {
            var collection = writer.GetOrCreateCollection("test", "nulls");
            writer.CreateIndex(collection, IndexDefinition.FromSpec(BsonDocument.Parse("{ key: { price: 1 } }")));
            writer.CreateIndex(collection, IndexDefinition.FromSpec(BsonDocument.Parse("{ key: { tags: 1 } }")));
            writer.CreateIndex(collection, IndexDefinition.FromSpec(BsonDocument.Parse("{ key: { agent: 1 }, sparse: true }")));
            for (var i = 0; i < 200; i++)
            {
                var document = new BsonDocument { { "_id", i }, { "tags", new BsonArray { "t" + i % 4 } } };
                BsonValue? price = (i % 5) switch { 0 => null, 1 => BsonNull.Value, 2 => BsonUndefined.Value, _ => new BsonInt32(i) };
                if (price is not null) document["price"] = price;
                if (i % 2 == 0) document["agent"] = "a" + i % 3;
                writer.Insert(collection, document);
            }
            return 0;
        });
        var filter = BsonDocument.Parse("{ price: null }");
        var matcher = NextLevel.EmbeddedMongo.Query.Filter.Parse(filter);

        var (summary, candidates, matching) = engine.Read(reader =>
        {
            var collection = reader.Collection("test", "nulls")!;
            var plan = QueryPlanner.Plan(collection, filter, null, null);
            return (plan.Summary, plan.Candidates.Select(stored => stored.ToBsonDocument()).ToList(), collection.Scan().Count(stored => matcher.Matches(stored.ToBsonDocument())));
        });

        Assert.Equal("IXSCAN { price: 1 }", summary);
        Assert.All(candidates, candidate => Assert.True(matcher.Matches(candidate)));
        Assert.Equal(matching, candidates.Count);
        Assert.True(matching >= 80, $"{matching} matches");
        // A multikey index (null may sit inside an array) and a sparse one (no key for a missing field) cannot answer it.
        Assert.Equal("COLLSCAN", engine.Read(reader => QueryPlanner.Plan(reader.Collection("test", "nulls")!, BsonDocument.Parse("{ tags: null }"), null, null).Summary));
        Assert.Equal("COLLSCAN", engine.Read(reader => QueryPlanner.Plan(reader.Collection("test", "nulls")!, BsonDocument.Parse("{ agent: null }"), null, null).Summary));
    }

    [Fact]
    public void An_elemMatch_on_array_documents_uses_the_index_on_their_field()
    {
        var filter = BsonDocument.Parse("{ address: { $elemMatch: { city: 'city7' } } }");
        Assert.Equal("IXSCAN { address.city: 1 }", Plan(filter).Summary);
        var elementOperators = BsonDocument.Parse("{ tags: { $elemMatch: { $in: ['t7', 't8'] } } }");
        Assert.Equal("IXSCAN { tags: 1 }", Plan(elementOperators).Summary);
        Assert.Equal(2 * DocumentCount / 100, Candidates(Plan(elementOperators)).Count);
    }

    [Theory]
    [InlineData("{ email: /^lead123/ }", 11)]
    [InlineData("{ email: { $regex: '^lead123' } }", 11)]
    [InlineData("{ email: { $regex: '^lead123@', $options: 's' } }", 1)]
    [InlineData("{ email: /^lead1234?@/ }", 2)]
    public void Anchored_regex_scans_only_its_prefix_range(string filter, int matches)
    {
        var plan = Plan(BsonDocument.Parse(filter));
        Assert.Equal("IXSCAN { email: 1 }", plan.Summary);
        var matcher = NextLevel.EmbeddedMongo.Query.Filter.Parse(BsonDocument.Parse(filter));
        var candidates = Candidates(plan);
        Assert.Equal(matches, candidates.Count(candidate => matcher.Matches(candidate)));
        Assert.True(candidates.Count <= 12, $"{candidates.Count} candidates");
    }

    [Fact]
    public void Or_of_indexed_branches_unites_index_scans()
    {
        var (plan, candidates) = Run("{ $or: [{ email: 'lead7@example.com' }, { price: { $lt: 30 } }, { email: 'lead1@example.com' }] }");
        Assert.Equal("OR (IXSCAN { email: 1 }, IXSCAN { price: 1 }, IXSCAN { email: 1 })", plan.Summary);
        Assert.Equal([0, 1, 2, 7], candidates.Select(document => document["_id"].AsInt32).Order());
        var explain = plan.ToExplainDocument();
        Assert.Equal("OR", explain["inputStage"]["stage"].AsString);
        Assert.Equal(3, explain["inputStage"]["inputStages"].AsBsonArray.Count);
        Assert.True(plan.KeysExamined <= 5);
    }

    [Fact]
    public void Or_with_an_unindexed_branch_scans_the_collection()
    {
        Assert.Equal("COLLSCAN", Plan(BsonDocument.Parse("{ $or: [{ email: 'x' }, { unindexed: 1 }] }")).Summary);
    }

    [Fact]
    public void Sparse_index_is_used_for_equality_but_not_for_a_sort_alone()
    {
        Assert.Equal("IXSCAN { agent: 1 }", Plan(BsonDocument.Parse("{ agent: 'agent1' }")).Summary);
        Assert.Equal("COLLSCAN", Plan(new BsonDocument(), BsonDocument.Parse("{ agent: 1 }")).Summary);
    }

    [Fact]
    public void Hint_by_name_or_key_pattern_forces_the_index()
    {
        Assert.Equal("IXSCAN { price: 1 }", Plan(BsonDocument.Parse("{ email: 'x' }"), null, "price_1").Summary);
        Assert.Equal("IXSCAN { price: 1 }", Plan(BsonDocument.Parse("{ email: 'x' }"), null, BsonDocument.Parse("{ price: 1 }")).Summary);
        Assert.Equal("COLLSCAN", Plan(BsonDocument.Parse("{ email: 'x' }"), null, BsonDocument.Parse("{ $natural: 1 }")).Summary);
    }

    [Fact]
    public void Unknown_hint_is_a_BadValue()
    {
        var error = Assert.Throws<MongoError>(() => Plan(new BsonDocument(), null, "nope"));
        Assert.Equal(2, error.Code);
        Assert.Equal("hint provided does not correspond to an existing index", error.Message);
    }

    [Fact]
    public void Candidates_never_miss_a_match_for_mixed_conditions()
    {
        var (plan, candidates) = Run("{ $and: [{ status: { $in: ['new', 'won'] } }, { price: { $gt: 1000, $lte: 2000 } }] }");
        Assert.Equal("IXSCAN", plan.Stage);
        var expected = Enumerable.Range(0, DocumentCount).Where(i => (i % 5 is 0 or 3) && i * 10 > 1000 && i * 10 <= 2000);
        Assert.Superset(expected.ToHashSet(), candidates.Select(document => document["_id"].AsInt32).ToHashSet());
    }

    [Fact]
    public void Explain_document_describes_the_index_scan()
    {
        var explain = Plan(BsonDocument.Parse("{ price: { $gte: 5 } }")).ToExplainDocument();
        Assert.Equal("FETCH", explain["stage"].AsString);
        Assert.Equal("IXSCAN", explain["inputStage"]["stage"].AsString);
        Assert.Equal("price_1", explain["inputStage"]["indexName"].AsString);
        Assert.Equal("[5, inf.0]", explain["inputStage"]["indexBounds"]["price"][0].AsString);
    }

    [Fact]
    public async Task Partial_index_is_used_only_when_the_query_implies_its_filter()
    {
        await _engine.WriteAsync(writer => writer.CreateIndex(writer.Collection("test", "leads")!,
            IndexDefinition.FromSpec(BsonDocument.Parse("{ key: { score: 1 }, partialFilterExpression: { status: 'won' } }"))));
        Assert.Equal("COLLSCAN", Plan(BsonDocument.Parse("{ score: 5 }")).Summary);
        Assert.Equal("IXSCAN { score: 1 }", Plan(BsonDocument.Parse("{ score: 5, status: 'won' }")).Summary);
    }

    [Fact]
    public async Task Hidden_index_is_neither_planned_nor_hintable_but_still_unique()
    {
        await _engine.WriteAsync(writer => writer.ModifyIndex(writer.Collection("test", "leads")!, "email_1", expireAfterSeconds: null, hidden: true));
        Assert.Equal("COLLSCAN", Plan(BsonDocument.Parse("{ email: 'lead1@example.com' }")).Summary);
        Assert.Equal(2, Assert.Throws<MongoError>(() => Plan(new BsonDocument(), null, "email_1")).Code);
        var duplicate = await Assert.ThrowsAsync<MongoError>(() => _engine.InsertAsync("leads", BsonDocument.Parse("{ email: 'lead1@example.com' }")));
        Assert.Equal(11000, duplicate.Code);
        Assert.True(_engine.Read(reader => reader.Collection("test", "leads")!.FindIndex("email_1")!.Definition.ToListIndexesDocument()["hidden"].AsBoolean));
    }

    [Fact]
    public void Indexed_lookup_cost_does_not_grow_with_collection_size()
    {
        var plan = Plan(BsonDocument.Parse("{ email: 'lead4999@example.com' }"));
        Assert.Single(Candidates(plan));
        Assert.True(plan.KeysExamined <= 2, $"examined {plan.KeysExamined} keys");
    }

    private (QueryPlan Plan, List<BsonDocument> Candidates) Run(string filter)
    {
        var plan = Plan(BsonDocument.Parse(filter));
        return (plan, Candidates(plan));
    }

    private QueryPlan Plan(BsonDocument filter, BsonDocument? sort = null, BsonValue? hint = null) =>
        _engine.Read(reader => QueryPlanner.Plan(reader.Collection("test", "leads")!, filter, sort, hint));

    private List<BsonDocument> Candidates(QueryPlan plan) =>
        _engine.Read(_ => plan.Candidates.Select(stored => stored.ToBsonDocument()).ToList());
}
