using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Update;
using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class PipelineUpdateTests
{
    [Fact]
    public void Set_stage_adds_computed_fields() =>
        Yields("{_id: 1, a: 2}", "[{$set: {b: {$multiply: ['$a', 10]}}}]", "{_id: 1, a: 2, b: 20}");

    [Fact]
    public void Stages_run_in_order() =>
        Yields("{_id: 1, a: 1}", "[{$addFields: {b: '$a'}}, {$unset: 'a'}]", "{_id: 1, b: 1}");

    [Fact]
    public void Project_keeps_the_id() => Yields("{_id: 1, a: 1, b: 2}", "[{$project: {b: 1}}]", "{_id: 1, b: 2}");

    [Fact]
    public void ReplaceWith_keeps_the_original_id() =>
        Yields("{_id: 1, sub: {x: 5}}", "[{$replaceWith: '$sub'}]", "{_id: 1, x: 5}");

    [Fact]
    public void ReplaceRoot_keeps_the_original_id() =>
        Yields("{_id: 1, sub: {x: 5}}", "[{$replaceRoot: {newRoot: '$sub'}}]", "{_id: 1, x: 5}");

    [Fact]
    public void Pipeline_that_changes_nothing_is_a_no_op() => IsNoOp("{_id: 1, a: 1}", "[{$set: {a: 1}}]");

    [Fact]
    public void Pipeline_cannot_change_the_id() => Assert.Equal(66, Fails("{_id: 1}", "[{$set: {_id: 2}}]").Code);

    [Fact]
    public void Pipeline_uses_the_apply_context_time()
    {
        var spec = UpdateSpec.Parse(ParseUpdate("[{$set: {t: '$$NOW'}}]"));
        var outcome = spec.Apply(BsonDocument.Parse("{_id: 1}"), Context());
        Assert.Equal(new BsonDateTime(Now), outcome.Document["t"]);
    }

    [Fact]
    public void Pipeline_sees_command_variables()
    {
        var spec = UpdateSpec.Parse(ParseUpdate("[{$set: {v: '$$limit'}}]"), variables: new Dictionary<string, BsonValue> { ["limit"] = 7 });
        Same("{_id: 1, v: 7}", spec.Apply(BsonDocument.Parse("{_id: 1}"), Context()).Document);
    }

    [Fact]
    public void Match_stage_is_not_allowed_in_an_update()
    {
        var error = FailsToParse("[{$match: {a: 1}}]");
        HasError(error, 72, "$match is not allowed to be used within an update");
    }

    [Fact]
    public void Array_filters_are_rejected_for_pipelines() =>
        Assert.Equal(9, FailsToParse("[{$set: {a: 1}}]", "[{x: 1}]").Code);

    [Fact]
    public void Pipeline_stage_must_be_a_document() => Assert.Equal(14, FailsToParse("[1]").Code);

    [Fact]
    public void Pipeline_is_not_a_replacement() =>
        Assert.True(UpdateSpec.Parse(ParseUpdate("[{$set: {a: 1}}]")) is { IsReplacement: false, IsPipeline: true });

    [Fact]
    public void Pipeline_may_create_a_dollar_prefixed_top_level_field() =>
        Yields("{_id: 1, foo: {}}", "[{$replaceWith: {$setField: {field: {$literal: '$a'}, value: 1, input: '$$ROOT'}}}]",
            "{_id: 1, foo: {}, $a: 1}");

    [Fact]
    public void Pipeline_may_create_a_dotted_field_name_in_an_embedded_document() =>
        Yields("{_id: 1, foo: {}}", "[{$set: {foo: {$setField: {field: {$literal: 'a.b'}, value: 1, input: '$foo'}}}}]",
            "{_id: 1, foo: {'a.b': 1}}");

    [Fact]
    public void Pipeline_project_without_id_keeps_the_original_id() =>
        Yields("{_id: 1, a: 1, b: 2}", "[{$project: {_id: 0, b: 1}}]", "{_id: 1, b: 2}");

    [Fact]
    public void Unknown_stage_fails_to_parse() => Assert.NotEqual(0, FailsToParse("[{$nope: {}}]").Code);

    [Fact]
    public void Lookup_stage_is_not_allowed_in_an_update()
    {
        var error = FailsToParse("[{$lookup: {from: 'x', localField: 'a', foreignField: 'b', as: 'c'}}]");
        HasError(error, 72, "$lookup is not allowed to be used within an update");
    }
}
