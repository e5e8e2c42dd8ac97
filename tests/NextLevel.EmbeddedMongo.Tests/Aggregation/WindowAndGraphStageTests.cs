using static NextLevel.EmbeddedMongo.Tests.Aggregation.PipelineTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class WindowAndGraphStageTests
{
    private static readonly string[] Sales =
    [
        "{ _id: 1, agent: 'a', day: 3, amount: 30 }",
        "{ _id: 2, agent: 'b', day: 1, amount: 5 }",
        "{ _id: 3, agent: 'a', day: 1, amount: 10 }",
        "{ _id: 4, agent: 'a', day: 2, amount: 20 }",
        "{ _id: 5, agent: 'b', day: 2, amount: 5 }",
    ];

    [Fact]
    public void Running_total_per_partition_in_sort_order()
    {
        var results = Run("""
            [{ $setWindowFields: { partitionBy: '$agent', sortBy: { day: 1 },
                output: { running: { $sum: '$amount', window: { documents: ['unbounded', 'current'] } }, total: { $sum: '$amount' } } } },
             { $project: { running: 1, total: 1 } }]
            """, Sales);
        Equal(
        [
            "{ _id: 3, running: 10, total: 60 }", "{ _id: 4, running: 30, total: 60 }", "{ _id: 1, running: 60, total: 60 }",
            "{ _id: 2, running: 5, total: 10 }", "{ _id: 5, running: 10, total: 10 }",
        ], results);
    }

    [Fact]
    public void Moving_average_over_position_and_range_windows()
    {
        var results = Run("""
            [{ $match: { agent: 'a' } },
             { $setWindowFields: { sortBy: { day: 1 }, output: {
                 around: { $avg: '$amount', window: { documents: [-1, 1] } },
                 recent: { $push: '$_id', window: { range: [-1, 0] } } } } },
             { $project: { around: 1, recent: 1 } }]
            """, Sales);
        Equal(
        [
            "{ _id: 3, around: 15.0, recent: [3] }",
            "{ _id: 4, around: 20.0, recent: [3, 4] }",
            "{ _id: 1, around: 25.0, recent: [4, 1] }",
        ], results);
    }

    [Fact]
    public void Rank_dense_rank_document_number_and_shift()
    {
        var results = Run("""
            [{ $setWindowFields: { sortBy: { amount: -1 }, output: {
                r: { $rank: {} }, d: { $denseRank: {} }, n: { $documentNumber: {} },
                prev: { $shift: { output: '$_id', by: -1, default: 0 } } } } },
             { $project: { r: 1, d: 1, n: 1, prev: 1 } }]
            """, Sales);
        Equal(
        [
            "{ _id: 1, r: 1, d: 1, n: 1, prev: 0 }",
            "{ _id: 4, r: 2, d: 2, n: 2, prev: 1 }",
            "{ _id: 3, r: 3, d: 3, n: 3, prev: 4 }",
            "{ _id: 2, r: 4, d: 4, n: 4, prev: 3 }",
            "{ _id: 5, r: 4, d: 4, n: 5, prev: 2 }",
        ], results);
    }

    [Fact]
    public void Locf_carries_last_value_forward()
    {
        Equal(["{ _id: 1, v: 1 }", "{ _id: 2, v: 1 }", "{ _id: 3, v: 3 }"],
            Run("[{ $setWindowFields: { sortBy: { _id: 1 }, output: { v: { $locf: '$v' } } } }]", ["{ _id: 1, v: 1 }", "{ _id: 2, v: null }", "{ _id: 3, v: 3 }"]));
    }

    [Fact]
    public void Window_functions_needing_sortBy_are_rejected_without_it()
    {
        Assert.Equal(5371602, Fails("[{ $setWindowFields: { output: { r: { $rank: {} } } } }]").Code);
    }

    [Fact]
    public void GraphLookup_walks_the_reporting_chain_with_depth()
    {
        var host = new InMemoryHost().With("staff",
            "{ _id: 1, name: 'Dev', reportsTo: 'Eliot' }",
            "{ _id: 2, name: 'Eliot', reportsTo: 'Ron' }",
            "{ _id: 3, name: 'Ron', reportsTo: 'Andrew' }",
            "{ _id: 4, name: 'Andrew', reportsTo: null }");
        var results = Run("""
            [{ $graphLookup: { from: 'staff', startWith: '$reportsTo', connectFromField: 'reportsTo', connectToField: 'name', as: 'chain', depthField: 'level' } },
             { $project: { names: '$chain.name', levels: '$chain.level' } }]
            """, ["{ _id: 1, reportsTo: 'Eliot' }"], host);
        Equal(["{ _id: 1, names: ['Eliot', 'Ron', 'Andrew'], levels: [NumberLong(0), NumberLong(1), NumberLong(2)] }"], results);

        var limited = Run("""
            [{ $graphLookup: { from: 'staff', startWith: '$reportsTo', connectFromField: 'reportsTo', connectToField: 'name', as: 'chain', maxDepth: 0 } },
             { $project: { names: '$chain.name' } }]
            """, ["{ _id: 1, reportsTo: 'Eliot' }"], host);
        Equal(["{ _id: 1, names: ['Eliot'] }"], limited);
    }
}

public class FillStageTests
{
    private static readonly string[] Readings =
    [
        "{ _id: 1, s: 'a', t: 1, v: 10 }",
        "{ _id: 2, s: 'a', t: 2 }",
        "{ _id: 3, s: 'a', t: 4, v: null }",
        "{ _id: 4, s: 'a', t: 5, v: 40 }",
        "{ _id: 5, s: 'b', t: 1 }",
    ];

    [Fact]
    public void Fill_linear_interpolates_on_the_sort_field()
    {
        PipelineTestKit.Equal(
        [
            "{ _id: 1, s: 'a', t: 1, v: 10 }", "{ _id: 2, s: 'a', t: 2, v: 17.5 }", "{ _id: 3, s: 'a', t: 4, v: 32.5 }",
            "{ _id: 4, s: 'a', t: 5, v: 40 }", "{ _id: 5, s: 'b', t: 1 }",
        ], PipelineTestKit.Run("[{ $fill: { partitionByFields: ['s'], sortBy: { t: 1 }, output: { v: { method: 'linear' } } } }]", Readings));
    }

    [Fact]
    public void Fill_locf_and_value()
    {
        var results = PipelineTestKit.Run("[{ $fill: { sortBy: { _id: 1 }, output: { v: { method: 'locf' }, note: { value: 'n/a' } } } }, { $project: { v: 1, note: 1 } }]", Readings);
        PipelineTestKit.Equal(
        [
            "{ _id: 1, v: 10, note: 'n/a' }", "{ _id: 2, v: 10, note: 'n/a' }", "{ _id: 3, v: 10, note: 'n/a' }",
            "{ _id: 4, v: 40, note: 'n/a' }", "{ _id: 5, v: 40, note: 'n/a' }",
        ], results);
    }

    [Fact]
    public void Fill_method_requires_sortBy()
    {
        Assert.Equal(6050201, PipelineTestKit.Fails("[{ $fill: { output: { v: { method: 'locf' } } } }]").Code);
    }
}
