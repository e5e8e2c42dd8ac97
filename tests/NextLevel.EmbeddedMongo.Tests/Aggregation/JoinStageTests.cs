using MongoDB.Bson;
using static NextLevel.EmbeddedMongo.Tests.Aggregation.PipelineTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class JoinStageTests
{
    private static InMemoryHost Host() => new InMemoryHost()
        .With("agents", "{ _id: 'a1', name: 'Ann', teams: ['t1', 't2'] }", "{ _id: 'a2', name: 'Bob', teams: ['t2'] }", "{ _id: 'a3', name: 'Cy' }")
        .With("teams", "{ _id: 't1', region: 'north' }", "{ _id: 't2', region: 'south' }");

    [Fact]
    public void Lookup_equality_form_joins_matching_documents()
    {
        Equal(["{ _id: 1, agentId: 'a2', agent: [{ _id: 'a2', name: 'Bob', teams: ['t2'] }] }"],
            Run("[{ $lookup: { from: 'agents', localField: 'agentId', foreignField: '_id', as: 'agent' } }]", ["{ _id: 1, agentId: 'a2' }"], Host()));
    }

    [Fact]
    public void Lookup_matches_array_fields_on_either_side()
    {
        var results = Run("[{ $lookup: { from: 'agents', localField: '_id', foreignField: 'teams', as: 'members' } }, { $project: { n: { $size: '$members' } } }]",
            ["{ _id: 't1' }", "{ _id: 't2' }"], Host());
        Equal(["{ _id: 't1', n: 1 }", "{ _id: 't2', n: 2 }"], results);
        var reverse = Run("[{ $lookup: { from: 'teams', localField: 'teams', foreignField: '_id', as: 't' } }, { $project: { r: '$t.region' } }]",
            ["{ _id: 'a1', teams: ['t2', 't1'] }"], Host());
        Equal(["{ _id: 'a1', r: ['north', 'south'] }"], reverse);
    }

    [Fact]
    public void Lookup_missing_local_field_matches_missing_foreign_field()
    {
        var results = Run("[{ $lookup: { from: 'agents', localField: 'nope', foreignField: 'teams', as: 'x' } }, { $project: { ids: '$x._id' } }]", ["{ _id: 1 }"], Host());
        Equal(["{ _id: 1, ids: ['a3'] }"], results);
    }

    [Fact]
    public void Lookup_scans_the_foreign_collection_once_per_run()
    {
        var host = Host();
        Run("[{ $lookup: { from: 'agents', localField: 'a', foreignField: '_id', as: 'x' } }]", ["{ a: 'a1' }", "{ a: 'a2' }", "{ a: 'a3' }"], host);
        Assert.Equal(1, host.ScanCount);
    }

    [Fact]
    public void Lookup_pipeline_form_with_let()
    {
        var results = Run("""
            [{ $lookup: { from: 'agents', let: { team: '$_id' }, pipeline: [
                { $match: { $expr: { $in: ['$$team', { $ifNull: ['$teams', []] }] } } },
                { $project: { _id: 0, name: 1 } } ], as: 'members' } }]
            """, ["{ _id: 't1' }", "{ _id: 't2' }"], Host());
        Equal(["{ _id: 't1', members: [{ name: 'Ann' }] }", "{ _id: 't2', members: [{ name: 'Ann' }, { name: 'Bob' }] }"], results);
    }

    [Fact]
    public void Lookup_combined_form_filters_by_equality_then_runs_pipeline()
    {
        var results = Run("""
            [{ $lookup: { from: 'agents', localField: 'team', foreignField: 'teams', let: { wanted: '$wanted' },
                pipeline: [{ $match: { $expr: { $eq: ['$name', '$$wanted'] } } }, { $project: { _id: 1 } }], as: 'hit' } }]
            """, ["{ _id: 1, team: 't2', wanted: 'Bob' }"], Host());
        Equal(["{ _id: 1, team: 't2', wanted: 'Bob', hit: [{ _id: 'a2' }] }"], results);
    }

    [Fact]
    public void Lookup_into_dotted_as_field()
    {
        var results = Run("[{ $lookup: { from: 'teams', localField: 't', foreignField: '_id', as: 'info.team' } }]", ["{ _id: 1, t: 't1', info: { k: 1 } }"], Host());
        Equal(["{ _id: 1, t: 't1', info: { k: 1, team: [{ _id: 't1', region: 'north' }] } }"], results);
    }

    [Fact]
    public void Lookup_requires_as()
    {
        Assert.Equal(9, Fails("[{ $lookup: { from: 'x', localField: 'a', foreignField: 'b' } }]").Code);
    }

    [Fact]
    public void UnionWith_appends_other_collection_through_pipeline()
    {
        Equal(["{ _id: 1 }", "{ _id: 't1' }", "{ _id: 't2' }"], Run("[{ $unionWith: 'teams' }, { $project: { _id: 1 } }]", ["{ _id: 1 }"], Host()));
        Equal(["{ _id: 1 }", "{ _id: 't2', region: 'south' }"],
            Run("[{ $unionWith: { coll: 'teams', pipeline: [{ $match: { region: 'south' } }] } }]", ["{ _id: 1 }"], Host()));
    }
}
