using NextLevel.EmbeddedMongo.Engine;
using static NextLevel.EmbeddedMongo.Tests.Aggregation.PipelineTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class PipelineParsingTests
{
    [Fact]
    public void Unknown_stage_is_rejected_with_40324()
    {
        var error = Assert.Throws<MongoError>(() => Parse("[{ $foo: {} }]"));
        Assert.Equal(40324, error.Code);
        Assert.Equal("Unrecognized pipeline stage name: '$foo'", error.Message);
    }

    [Fact]
    public void Stage_with_two_fields_is_rejected()
    {
        Assert.Equal(40323, Assert.Throws<MongoError>(() => Parse("[{ $match: {}, $limit: 1 }]")).Code);
    }

    [Fact]
    public void Out_and_merge_must_be_last()
    {
        var error = Assert.Throws<MongoError>(() => Parse("[{ $out: 'x' }, { $match: {} }]"));
        Assert.Equal(40601, error.Code);
        Assert.Equal("$out can only be the final stage in the pipeline", error.Message);
        Assert.Equal(40601, Assert.Throws<MongoError>(() => Parse("[{ $merge: 'x' }, { $match: {} }]")).Code);
    }

    [Fact]
    public void Out_accepts_db_and_coll()
    {
        var output = Assert.IsType<NextLevel.EmbeddedMongo.Aggregation.OutStage>(Parse("[{ $out: { db: 'other', coll: 'c' } }]").Output);
        Assert.Equal(("other", "c"), (output.Database, output.Collection));
    }

    [Fact]
    public void Out_is_not_allowed_inside_facet_or_lookup()
    {
        Assert.Equal(40600, Assert.Throws<MongoError>(() => Parse("[{ $facet: { a: [{ $out: 'x' }] } }]")).Code);
        Assert.Equal(51047, Assert.Throws<MongoError>(() => Parse("[{ $lookup: { from: 'x', pipeline: [{ $out: 'y' }], as: 'a' } }]")).Code);
    }

    [Fact]
    public void Pipeline_without_output_has_null_output()
    {
        Assert.Null(Parse("[{ $match: {} }]").Output);
    }

    [Fact]
    public void Group_spec_errors()
    {
        Assert.Equal(15955, Assert.Throws<MongoError>(() => Parse("[{ $group: { n: { $sum: 1 } } }]")).Code);
        Assert.Equal(40234, Assert.Throws<MongoError>(() => Parse("[{ $group: { _id: null, n: 1 } }]")).Code);
        Assert.Equal(15952, Assert.Throws<MongoError>(() => Parse("[{ $group: { _id: null, n: { $foo: 1 } } }]")).Code);
        Assert.Equal(40238, Assert.Throws<MongoError>(() => Parse("[{ $group: { _id: null, n: { $sum: 1, $avg: 1 } } }]")).Code);
        Assert.Equal(40237, Assert.Throws<MongoError>(() => Parse("[{ $group: { _id: null, n: { $sum: [1, 2] } } }]")).Code);
        Assert.Equal(40235, Assert.Throws<MongoError>(() => Parse("[{ $group: { _id: null, 'a.b': { $sum: 1 } } }]")).Code);
    }

    [Fact]
    public void Project_mixing_inclusion_and_exclusion_is_rejected()
    {
        Assert.Equal(31254, Assert.Throws<MongoError>(() => Parse("[{ $project: { a: 1, b: 0 } }]")).Code);
        Assert.Equal(31253, Assert.Throws<MongoError>(() => Parse("[{ $project: { a: 0, b: 1 } }]")).Code);
        Assert.Equal(31252, Assert.Throws<MongoError>(() => Parse("[{ $project: { a: 0, b: '$x' } }]")).Code);
        Assert.Equal(51272, Assert.Throws<MongoError>(() => Parse("[{ $project: {} }]")).Code);
        Assert.Equal(31249, Assert.Throws<MongoError>(() => Parse("[{ $project: { a: 1, 'a.b': 1 } }]")).Code);
        Assert.Equal(31250, Assert.Throws<MongoError>(() => Parse("[{ $project: { 'a.b': 1, a: { b: 1 } } }]")).Code);
    }

    [Fact]
    public void Skip_limit_count_validation()
    {
        Assert.Equal(15958, Assert.Throws<MongoError>(() => Parse("[{ $limit: 0 }]")).Code);
        Assert.Equal(15957, Assert.Throws<MongoError>(() => Parse("[{ $limit: 'x' }]")).Code);
        Assert.Equal(5107200, Assert.Throws<MongoError>(() => Parse("[{ $skip: -1 }]")).Code);
        Assert.Equal(40158, Assert.Throws<MongoError>(() => Parse("[{ $count: '$x' }]")).Code);
        Assert.Equal(40160, Assert.Throws<MongoError>(() => Parse("[{ $count: 'a.b' }]")).Code);
    }

    [Fact]
    public void Unwind_path_must_start_with_dollar()
    {
        Assert.Equal(28818, Assert.Throws<MongoError>(() => Parse("[{ $unwind: 'a' }]")).Code);
        Assert.Equal(28811, Assert.Throws<MongoError>(() => Parse("[{ $unwind: { path: '$a', foo: 1 } }]")).Code);
    }

    [Fact]
    public void Bucket_validation()
    {
        Assert.Equal(40192, Assert.Throws<MongoError>(() => Parse("[{ $bucket: { groupBy: '$a', boundaries: [1] } }]")).Code);
        Assert.Equal(40194, Assert.Throws<MongoError>(() => Parse("[{ $bucket: { groupBy: '$a', boundaries: [2, 1] } }]")).Code);
        Assert.Equal(40193, Assert.Throws<MongoError>(() => Parse("[{ $bucket: { groupBy: '$a', boundaries: [1, 'a'] } }]")).Code);
        Assert.Equal(40199, Assert.Throws<MongoError>(() => Parse("[{ $bucket: { groupBy: '$a', boundaries: [1, 5], default: 2 } }]")).Code);
        Assert.Equal(40202, Assert.Throws<MongoError>(() => Parse("[{ $bucket: { groupBy: 'a', boundaries: [1, 5] } }]")).Code);
    }

    [Fact]
    public void Invalid_expression_inside_stage_fails_at_parse_time()
    {
        Assert.Equal(168, Assert.Throws<MongoError>(() => Parse("[{ $addFields: { a: { $nope: 1 } } }]")).Code);
    }

    [Fact]
    public void Unsupported_known_stage_fails_as_not_implemented()
    {
        Assert.Equal((int)ErrorCode.NotImplemented, Assert.Throws<MongoError>(() => Parse("[{ $densify: {} }]")).Code);
    }
}
