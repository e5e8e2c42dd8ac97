using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Planner;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;
using NextLevel.EmbeddedMongo.Tests.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Indexes;

/// <summary>Random documents and filters: the planner's candidates must contain every match, and come sorted when it says so.</summary>
public sealed class QueryPlannerRandomTests
{
    private static readonly string[] IndexSpecs =
    [
        "{ key: { a: 1 } }",
        "{ key: { a: -1, c: 1 } }",
        "{ key: { 'b.x': 1 } }",
        "{ key: { c: 1 }, sparse: true }",
        "{ key: { tags: 1 } }",
        "{ key: { s: 1, a: 1 } }",
        "{ key: { s: 1, c: -1 } }",
        "{ key: { n: 1 } }",
    ];

    [Fact]
    public async Task Candidates_always_contain_every_matching_document()
    {
        var random = new Random(42);
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.WriteAsync(writer =>
        {
            var collection = writer.GetOrCreateCollection("test", "docs");
            foreach (var spec in IndexSpecs) writer.CreateIndex(collection, IndexDefinition.FromSpec(BsonDocument.Parse(spec)));
            for (var i = 0; i < 400; i++) writer.Insert(collection, RandomDocument(random, i));
            return 0;
        });

        var indexScans = 0;
        var sortedByIndex = 0;
        var unions = 0;
        var countedFromKeys = 0;
        for (var round = 0; round < 400; round++)
        {
            var filter = RandomFilter(random);
            var sort = random.Next(3) == 0 ? new BsonDocument(new[] { "a", "c", "n" }[random.Next(3)], random.Next(2) == 0 ? 1 : -1) : null;
            var matcher = Filter.Parse(filter);
            var (expected, candidates, plan, counted) = engine.Read(reader =>
            {
                var collection = reader.Collection("test", "docs")!;
                var expected = collection.Scan().Where(stored => matcher.Matches(stored.ToBsonDocument())).Select(stored => stored.Id.Value).ToHashSet();
                var plan = QueryPlanner.Plan(collection, filter, sort, null);
                var candidates = plan.Candidates.Select(stored => (stored.Id.Value, Document: stored.ToBsonDocument())).ToList();
                return (expected, candidates, plan, CountScan.TryCount(collection, filter));
            });
            if (counted is { } n)
            {
                Assert.True(n == expected.Count, $"count from index keys {n}, matches {expected.Count} for {filter.ToJson()}");
                countedFromKeys++;
            }

            var missing = expected.Except(candidates.Select(candidate => candidate.Value)).ToList();
            Assert.True(missing.Count == 0, $"{plan.Summary} missed {missing.Count} matches of {filter.ToJson()}");
            Assert.Equal(candidates.Count, candidates.Select(candidate => candidate.Value).Distinct().Count());
            if (plan.Stage == "IXSCAN") indexScans++;
            if (plan.Stage == "OR") unions++;
            if (plan.ProvidesSort) sortedByIndex++;
            if (plan.ProvidesSort) AssertSorted(sort!, candidates.Where(candidate => expected.Contains(candidate.Value)).Select(candidate => candidate.Document).ToList(), filter);
        }
        Assert.True(indexScans > 150, $"only {indexScans} index scans");
        Assert.True(sortedByIndex > 10, $"only {sortedByIndex} sorts from an index");
        Assert.True(unions > 5, $"only {unions} unions of index scans");
        Assert.True(countedFromKeys >= 15, $"only {countedFromKeys} counts from index keys");
    }

    private static void AssertSorted(BsonDocument sort, List<BsonDocument> documents, BsonDocument filter)
    {
        var field = sort.GetElement(0).Name;
        var direction = sort[0].ToInt32();
        for (var i = 1; i < documents.Count; i++)
        {
            var previous = documents[i - 1].GetValue(field, BsonNull.Value);
            var current = documents[i].GetValue(field, BsonNull.Value);
            Assert.True(direction * BsonValueComparer.Instance.Compare(previous, current) <= 0, $"out of order for {filter.ToJson()} sorted by {sort.ToJson()}");
        }
    }

    private static BsonDocument RandomDocument(Random random, int id)
    {
        var document = new BsonDocument("_id", id);
        if (random.Next(10) > 0) document.Add("a", RandomScalar(random));
        if (random.Next(4) > 0) document.Add("b", random.Next(5) == 0 ? new BsonArray { new BsonDocument("x", RandomScalar(random)), new BsonDocument("x", RandomScalar(random)) } : new BsonDocument("x", RandomScalar(random)));
        if (random.Next(3) > 0) document.Add("c", new BsonDateTime(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(30))));
        if (random.Next(2) > 0) document.Add("tags", new BsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => (BsonValue)("t" + random.Next(6)))));
        document.Add("s", "s" + random.Next(3));
        // NaN now and then: it sorts before every number, and no range matches it.
        if (random.Next(5) > 0) document.Add("n", random.Next(40) == 0 ? new BsonDouble(double.NaN) : random.Next(2) == 0 ? new BsonInt32(random.Next(50)) : new BsonDouble(random.Next(50) / 2.0));
        return document;
    }

    private static BsonValue RandomScalar(Random random) => random.Next(8) switch
    {
        0 => BsonNull.Value,
        1 => new BsonString("v" + random.Next(5)),
        2 => new BsonDouble(random.Next(10) + 0.5),
        3 => new BsonInt64(random.Next(10)),
        4 => new BsonArray { random.Next(10), random.Next(10) },
        _ => new BsonInt32(random.Next(10)),
    };

    private static BsonDocument RandomFilter(Random random)
    {
        if (random.Next(5) == 0) return new BsonDocument("$or", new BsonArray { RandomConjunction(random), RandomConjunction(random) });
        var filter = RandomConjunction(random);
        if (random.Next(5) == 0) filter.Add("$or", new BsonArray { RandomConjunction(random), RandomConjunction(random) });
        return filter;
    }

    private static BsonDocument RandomConjunction(Random random)
    {
        var filter = new BsonDocument();
        var conditions = random.Next(1, 4);
        for (var i = 0; i < conditions; i++)
        {
            var field = new[] { "a", "b.x", "c", "tags", "s", "n" }[random.Next(6)];
            if (filter.Contains(field)) continue;
            // $elemMatch on the array of documents (b) or of strings (tags), as well as plain conditions.
            if (field == "b.x" && !filter.Contains("b") && random.Next(3) == 0)
            {
                filter.Add("b", new BsonDocument("$elemMatch", new BsonDocument("x", RandomCondition(random, field))));
                continue;
            }
            if (field == "tags" && random.Next(4) == 0)
            {
                filter.Add(field, new BsonDocument("$elemMatch", new BsonDocument("$in", new BsonArray { "t" + random.Next(6), "t" + random.Next(6) })));
                continue;
            }
            filter.Add(field, RandomCondition(random, field));
        }
        return filter;
    }

    private static BsonValue RandomCondition(Random random, string field)
    {
        BsonValue Value() => field switch
        {
            "c" => new BsonDateTime(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(30))),
            "tags" => "t" + random.Next(6),
            "s" => "s" + random.Next(3),
            "n" => random.Next(50) / 2.0,
            _ => RandomScalar(random),
        };
        return random.Next(7) switch
        {
            6 => new BsonRegularExpression(new[] { "^v", "^v1", "^t", "^t2?", "^s", "^s1$", "^v|t" }[random.Next(7)], random.Next(4) == 0 ? "i" : ""),
            0 => Value(),
            1 => new BsonDocument("$eq", Value()),
            2 => new BsonDocument("$in", new BsonArray { Value(), Value() }),
            3 => new BsonDocument { { "$gt", Value() }, { "$lte", Value() } },
            4 => new BsonDocument(random.Next(2) == 0 ? "$gte" : "$lt", Value()),
            _ => new BsonDocument("$ne", Value()),
        };
    }
}
