using MongoDB.Bson;
using static NextLevel.EmbeddedMongo.Tests.Aggregation.PipelineTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class FlowStageTests
{
    private static readonly string[] Numbers = ["{ _id: 1, n: 3 }", "{ _id: 2, n: 1 }", "{ _id: 3, n: 2 }", "{ _id: 4, n: 1 }"];

    [Fact]
    public void Sort_is_stable_and_supports_descending()
    {
        Equal(["{ _id: 2, n: 1 }", "{ _id: 4, n: 1 }", "{ _id: 3, n: 2 }", "{ _id: 1, n: 3 }"], Run("[{ $sort: { n: 1 } }]", Numbers));
        Equal(["{ _id: 1, n: 3 }", "{ _id: 3, n: 2 }", "{ _id: 2, n: 1 }", "{ _id: 4, n: 1 }"], Run("[{ $sort: { n: -1 } }]", Numbers));
    }

    [Fact]
    public void Sort_then_limit_keeps_top_documents_in_order()
    {
        Equal(["{ _id: 2, n: 1 }", "{ _id: 4, n: 1 }"], Run("[{ $sort: { n: 1 } }, { $limit: 2 }]", Numbers));
        Equal(["{ _id: 1, n: 3 }"], Run("[{ $sort: { n: -1, _id: 1 } }, { $limit: 1 }]", Numbers));
    }

    [Fact]
    public void Sort_then_limit_matches_full_sort_on_larger_input()
    {
        var random = new Random(7);
        var documents = Enumerable.Range(0, 500).Select(i => $"{{ _id: {i}, n: {random.Next(50)} }}").ToArray();
        var full = Run("[{ $sort: { n: -1 } }]", documents).Take(25).ToList();
        var top = Run("[{ $sort: { n: -1 } }, { $limit: 25 }]", documents);
        Assert.Equal(full.Select(d => d["_id"].AsInt32), top.Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public void Skip_limit_and_count()
    {
        Equal(["{ _id: 2, n: 1 }", "{ _id: 3, n: 2 }"], Run("[{ $skip: 1 }, { $limit: 2 }]", Numbers));
        Equal(["{ total: 4 }"], Run("[{ $count: 'total' }]", Numbers));
        Assert.Empty(Run("[{ $match: { n: 99 } }, { $count: 'total' }]", Numbers));
    }

    [Fact]
    public void Limit_stops_reading_its_input()
    {
        var read = 0;
        IEnumerable<BsonDocument> Source()
        {
            for (var i = 0; ; i++)
            {
                read++;
                yield return new BsonDocument("_id", i);
            }
        }
        var results = Parse("[{ $addFields: { x: 1 } }, { $limit: 3 }]").Execute(Source()).ToList();
        Assert.Equal(3, results.Count);
        Assert.Equal(3, read);
    }

    [Fact]
    public void Sample_returns_distinct_documents_up_to_size()
    {
        var sample = Run("[{ $sample: { size: 2 } }]", Numbers);
        Assert.Equal(2, sample.Select(d => d["_id"].AsInt32).Distinct().Count());
        Assert.Equal(4, Run("[{ $sample: { size: 10 } }]", Numbers).Count);
    }

    [Fact]
    public void Documents_stage_produces_literal_documents()
    {
        Equal(["{ a: 1 }", "{ a: 2 }"], Run("[{ $documents: [{ a: 1 }, { a: 2 }] }]", []));
    }

    [Fact]
    public void Match_with_expr_and_let_variables()
    {
        var context = new NextLevel.EmbeddedMongo.Aggregation.AggregationContext
        {
            Database = "test",
            Host = new InMemoryHost(),
            Variables = new Dictionary<string, BsonValue> { ["min"] = 2 },
        };
        var pipeline = NextLevel.EmbeddedMongo.Aggregation.Pipeline.Parse(Stages("[{ $match: { $expr: { $gte: ['$n', '$$min'] } } }]"), context);
        Assert.Equal([1, 3], pipeline.Execute(Numbers.Select(BsonDocument.Parse)).Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public void Now_is_fixed_for_the_whole_pipeline()
    {
        var results = Run("[{ $addFields: { t: '$$NOW' } }]", Numbers);
        Assert.All(results, r => Assert.Equal(new BsonDateTime(Now), r["t"]));
    }
}

public class TextScoreStageTests
{
    [Fact]
    public void Text_match_scores_flow_to_meta_projection_and_sort()
    {
        var context = new NextLevel.EmbeddedMongo.Aggregation.AggregationContext
        {
            Database = "test",
            Host = new InMemoryHost(),
            TextIndexFields = new Dictionary<string, int> { ["description"] = 1 },
        };
        var pipeline = NextLevel.EmbeddedMongo.Aggregation.Pipeline.Parse(PipelineTestKit.Stages("""
            [{ $match: { $text: { $search: 'garden' } } },
             { $addFields: { score: { $meta: 'textScore' } } },
             { $sort: { score: { $meta: 'textScore' } } },
             { $project: { _id: 1, hasScore: { $gt: ['$score', 0] } } }]
            """), context);
        var documents = new[]
        {
            "{ _id: 1, description: 'flat with balcony' }",
            "{ _id: 2, description: 'house with garden' }",
            "{ _id: 3, description: 'garden garden garden cottage' }",
        }.Select(MongoDB.Bson.BsonDocument.Parse);

        PipelineTestKit.Equal(["{ _id: 3, hasScore: true }", "{ _id: 2, hasScore: true }"], pipeline.Execute(documents));
    }

    [Fact]
    public void Meta_text_score_without_text_match_fails()
    {
        Assert.Equal(40218, PipelineTestKit.Fails("[{ $project: { s: { $meta: 'textScore' } } }]").Code);
    }
}

public class PipelineReuseTests
{
    [Fact]
    public void Parsed_pipeline_runs_with_another_now_and_variables()
    {
        var pipeline = PipelineTestKit.Parse("[{ $set: { at: '$$NOW', v: '$$x' } }]");
        var later = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var result = pipeline.Execute([new MongoDB.Bson.BsonDocument("_id", 1)], later,
            new Dictionary<string, MongoDB.Bson.BsonValue> { ["x"] = 5 }).Single();
        PipelineTestKit.Equal(["{ _id: 1, at: ISODate('2030-01-01T00:00:00Z'), v: 5 }"], [result]);
    }
}
