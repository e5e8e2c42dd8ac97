using MongoDB.Bson;
using static NextLevel.EmbeddedMongo.Tests.Aggregation.PipelineTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class GroupingStageTests
{
    private static readonly string[] Sales =
    [
        "{ _id: 1, item: 'a', qty: 2, price: 10, tags: ['x', 'y'], at: 3 }",
        "{ _id: 2, item: 'b', qty: 1, price: 20, tags: ['x'], at: 1 }",
        "{ _id: 3, item: 'a', qty: 5, price: 10, tags: ['y'], at: 2 }",
        "{ _id: 4, qty: 1, price: 5, at: 4 }",
        "{ _id: 5, item: null, qty: 3, price: 5, at: 5 }",
    ];

    [Fact]
    public void Group_by_field_with_basic_accumulators()
    {
        var results = Run("""
            [{ $group: { _id: '$item', n: { $sum: 1 }, qty: { $sum: '$qty' }, avg: { $avg: '$qty' }, min: { $min: '$qty' }, max: { $max: '$qty' },
                         first: { $first: '$_id' }, last: { $last: '$_id' }, ids: { $push: '$_id' }, tags: { $addToSet: '$price' }, c: { $count: {} } } }]
            """, Sales);
        Equal(
        [
            "{ _id: 'a', n: 2, qty: 7, avg: 3.5, min: 2, max: 5, first: 1, last: 3, ids: [1, 3], tags: [10], c: 2 }",
            "{ _id: 'b', n: 1, qty: 1, avg: 1.0, min: 1, max: 1, first: 2, last: 2, ids: [2], tags: [20], c: 1 }",
            "{ _id: null, n: 2, qty: 4, avg: 2.0, min: 1, max: 3, first: 4, last: 5, ids: [4, 5], tags: [5], c: 2 }",
        ], results);
    }

    [Fact]
    public void Group_by_null_and_compound_id()
    {
        Equal(["{ _id: null, total: 50 }"], Run("[{ $group: { _id: null, total: { $sum: { $multiply: ['$price', 1] } } } }]", Sales));
        Equal(["{ _id: { i: 'a', p: 10 }, n: 2 }"],
            Run("[{ $match: { item: 'a' } }, { $group: { _id: { i: '$item', p: '$price' }, n: { $sum: 1 } } }]", Sales));
    }

    [Fact]
    public void Group_numeric_keys_of_different_types_are_one_group()
    {
        Equal(["{ _id: 1, n: 2 }"], Run("[{ $group: { _id: '$k', n: { $sum: 1 } } }]", ["{ k: 1 }", "{ k: 1.0 }"]));
    }

    [Fact]
    public void Group_on_empty_input_produces_nothing()
    {
        Assert.Empty(Run("[{ $group: { _id: null, n: { $sum: 1 } } }]", []));
    }

    [Fact]
    public void Sum_types_widen_and_avg_of_decimals_stays_decimal()
    {
        var results = Run("[{ $group: { _id: null, s: { $sum: '$v' }, a: { $avg: '$d' } } }]",
            ["{ v: 2147483647, d: NumberDecimal('1.1') }", "{ v: 1, d: NumberDecimal('2.2') }", "{ v: 'x' }"]);
        Equal(["{ _id: null, s: NumberLong(2147483648), a: NumberDecimal('1.65') }"], results);
        var overflow = Run("[{ $group: { _id: null, s: { $sum: '$v' } } }]", ["{ v: NumberLong('9223372036854775807') }", "{ v: NumberLong(1) }"]);
        Assert.Equal(BsonType.Double, overflow[0]["s"].BsonType);
    }

    [Fact]
    public void Avg_and_min_of_missing_values_are_null()
    {
        Equal(["{ _id: null, a: null, m: null }"], Run("[{ $group: { _id: null, a: { $avg: '$x' }, m: { $min: '$x' } } }]", ["{ }"]));
    }

    [Fact]
    public void MergeObjects_and_stdDev_accumulators()
    {
        var results = Run("[{ $group: { _id: null, m: { $mergeObjects: '$o' }, pop: { $stdDevPop: '$v' }, samp: { $stdDevSamp: '$v' } } }]",
            ["{ o: { a: 1 }, v: 2 }", "{ o: { b: 2, a: 3 }, v: 4 }", "{ v: 4 }", "{ v: 4 }", "{ v: 5 }", "{ v: 5 }", "{ v: 7 }", "{ v: 9 }"]);
        Assert.Equal(BsonDocument.Parse("{ a: 3, b: 2 }"), results[0]["m"]);
        Assert.Equal(2.0, results[0]["pop"].AsDouble, 10);
        Assert.Equal(2.138089935, results[0]["samp"].AsDouble, 6);
    }

    [Fact]
    public void Top_bottom_and_n_accumulators()
    {
        var results = Run("""
            [{ $group: { _id: null,
                top: { $top: { sortBy: { qty: -1 }, output: '$_id' } },
                bottom: { $bottom: { sortBy: { qty: -1 }, output: '$_id' } },
                topN: { $topN: { n: 2, sortBy: { qty: -1 }, output: '$_id' } },
                bottomN: { $bottomN: { n: 2, sortBy: { qty: -1 }, output: '$_id' } },
                firstN: { $firstN: { input: '$_id', n: 2 } },
                lastN: { $lastN: { input: '$_id', n: 2 } },
                maxN: { $maxN: { input: '$qty', n: 2 } },
                minN: { $minN: { input: '$qty', n: 2 } } } }]
            """, Sales);
        Equal(["{ _id: null, top: 3, bottom: 4, topN: [3, 5], bottomN: [2, 4], firstN: [1, 2], lastN: [4, 5], maxN: [5, 3], minN: [1, 1] }"], results);
    }

    [Fact]
    public void SortByCount_groups_and_orders_by_count()
    {
        Equal(["{ _id: 'x', count: 2 }", "{ _id: 'y', count: 2 }"], Run("[{ $unwind: '$tags' }, { $sortByCount: '$tags' }]", Sales));
    }

    [Fact]
    public void Bucket_groups_by_boundaries_with_default_and_output()
    {
        Equal(["{ _id: 0, count: 3 }", "{ _id: 10, count: 1 }", "{ _id: 'other', count: 1 }"],
            Run("[{ $bucket: { groupBy: '$price', boundaries: [0, 10, 20], default: 'other' } }]",
                ["{ price: 5 }", "{ price: 0 }", "{ price: 9.99 }", "{ price: 10 }", "{ price: 20 }"]));
        Equal(["{ _id: 0, ids: [1, 2] }"],
            Run("[{ $bucket: { groupBy: '$price', boundaries: [0, 100], output: { ids: { $push: '$_id' } } } }]", ["{ _id: 1, price: 5 }", "{ _id: 2, price: 6 }"]));
        Assert.Equal(40066, Fails("[{ $bucket: { groupBy: '$price', boundaries: [0, 10] } }]", ["{ price: 50 }"]).Code);
    }

    [Fact]
    public void BucketAuto_splits_into_equal_buckets()
    {
        var documents = Enumerable.Range(1, 10).Select(i => $"{{ v: {i} }}");
        Equal(
        [
            "{ _id: { min: 1, max: 4 }, count: 3 }",
            "{ _id: { min: 4, max: 7 }, count: 3 }",
            "{ _id: { min: 7, max: 10 }, count: 4 }",
        ], Run("[{ $bucketAuto: { groupBy: '$v', buckets: 3 } }]", documents));
    }

    [Fact]
    public void BucketAuto_with_granularity_rounds_boundaries()
    {
        var documents = Enumerable.Range(1, 10).Select(i => $"{{ v: {i} }}");
        Equal(
        [
            "{ _id: { min: 0.5, max: 10.0 }, count: 9 }",
            "{ _id: { min: 10.0, max: 20.0 }, count: 1 }",
        ], Run("[{ $bucketAuto: { groupBy: '$v', buckets: 2, granularity: '1-2-5' } }]", documents));
        Equal(
        [
            "{ _id: { min: 0.5, max: 8.0 }, count: 7 }",
            "{ _id: { min: 8.0, max: 16.0 }, count: 3 }",
        ], Run("[{ $bucketAuto: { groupBy: '$v', buckets: 2, granularity: 'POWERSOF2' } }]", documents));
        Assert.Equal(40257, Fails("[{ $bucketAuto: { groupBy: '$v', buckets: 2, granularity: 'R7' } }]").Code);
    }

    [Fact]
    public void Facet_runs_each_sub_pipeline_on_the_same_input()
    {
        Equal(["{ total: [{ n: 5 }], cheap: [{ _id: 4 }, { _id: 5 }] }"],
            Run("[{ $facet: { total: [{ $count: 'n' }], cheap: [{ $match: { price: { $lt: 10 } } }, { $project: { _id: 1 } }] } }]", Sales));
    }
}
