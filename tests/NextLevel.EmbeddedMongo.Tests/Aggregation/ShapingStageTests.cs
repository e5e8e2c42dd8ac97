using static NextLevel.EmbeddedMongo.Tests.Aggregation.PipelineTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class ShapingStageTests
{
    [Fact]
    public void Project_inclusion_keeps_id_and_input_order_then_computed()
    {
        Equal(["{ _id: 1, a: 1, c: 3, d: 2 }"],
            Run("[{ $project: { c: 1, d: '$b', a: true } }]", ["{ _id: 1, a: 1, b: 2, c: 3 }"]));
    }

    [Fact]
    public void Project_nested_paths_and_arrays()
    {
        Equal(["{ _id: 1, a: { b: 1 }, l: [{ x: 1 }, { x: 2 }, {}] }"],
            Run("[{ $project: { 'a.b': 1, l: { x: 1 } } }]", ["{ _id: 1, a: { b: 1, c: 2 }, l: [{ x: 1, y: 1 }, { x: 2 }, { y: 3 }, 5] }"]));
    }

    [Fact]
    public void Project_exclusion_removes_fields_and_id()
    {
        Equal(["{ a: { c: 2 }, l: [{ y: 1 }, 5] }"],
            Run("[{ $project: { _id: 0, 'a.b': 0, b: 0, 'l.x': 0 } }]", ["{ _id: 1, a: { b: 1, c: 2 }, b: 3, l: [{ x: 1, y: 1 }, 5] }"]));
    }

    [Fact]
    public void Project_computed_id_comes_first()
    {
        Equal(["{ _id: 5, a: 5 }"], Run("[{ $project: { a: 1, _id: '$a' } }]", ["{ _id: 1, a: 5 }"]));
    }

    [Fact]
    public void Project_of_only_id_excludes_or_keeps_it()
    {
        Equal(["{ a: 1 }"], Run("[{ $project: { _id: 0 } }]", ["{ _id: 1, a: 1 }"]));
        Equal(["{ _id: 1 }"], Run("[{ $project: { _id: 1 } }]", ["{ _id: 1, a: 1 }"]));
        Equal(["{ _id: 1, b: 2 }"], Run("[{ $project: { _id: 1, a: 0 } }]", ["{ _id: 1, a: 1, b: 2 }"]));
    }

    [Fact]
    public void Project_computed_missing_value_is_omitted_and_literal_strings_stay()
    {
        Equal(["{ _id: 1, s: 'text' }"], Run("[{ $project: { m: '$missing', s: 'text', r: '$$REMOVE' } }]", ["{ _id: 1 }"]));
    }

    [Fact]
    public void AddFields_adds_replaces_and_merges_embedded_documents()
    {
        Equal(["{ _id: 1, a: 10, b: { c: 1, d: 2 }, total: 11 }"],
            Run("[{ $addFields: { a: 10, 'b.d': 2, total: { $add: ['$a', 10] } } }]", ["{ _id: 1, a: 1, b: { c: 1 } }"]));
        Equal(["{ _id: 1, b: { c: 1, d: 2 } }"], Run("[{ $set: { b: { d: 2 } } }]", ["{ _id: 1, b: { c: 1 } }"]));
    }

    [Fact]
    public void AddFields_with_remove_deletes_field_and_applies_to_array_elements()
    {
        Equal(["{ _id: 1, l: [{ x: 1, y: 0 }, { y: 0 }] }"],
            Run("[{ $addFields: { a: '$$REMOVE', 'l.y': 0 } }]", ["{ _id: 1, a: 5, l: [{ x: 1 }, 7] }"]));
    }

    [Fact]
    public void Unset_removes_paths()
    {
        Equal(["{ _id: 1, a: { c: 2 } }"], Run("[{ $unset: ['a.b', 'z'] }]", ["{ _id: 1, a: { b: 1, c: 2 }, z: 3 }"]));
        Equal(["{ _id: 1 }"], Run("[{ $unset: 'a' }]", ["{ _id: 1, a: 1 }"]));
    }

    [Fact]
    public void ReplaceRoot_and_ReplaceWith()
    {
        Equal(["{ x: 1 }"], Run("[{ $replaceRoot: { newRoot: '$inner' } }]", ["{ _id: 1, inner: { x: 1 } }"]));
        Equal(["{ _id: 1, x: 1 }"], Run("[{ $replaceWith: { $mergeObjects: [{ _id: '$_id' }, '$inner'] } }]", ["{ _id: 1, inner: { x: 1 } }"]));
        Assert.Equal(40228, Fails("[{ $replaceRoot: { newRoot: '$missing' } }]").Code);
    }

    [Fact]
    public void Unwind_string_and_document_forms()
    {
        Equal(["{ _id: 1, a: 1 }", "{ _id: 1, a: 2 }", "{ _id: 3, a: 'x' }"],
            Run("[{ $unwind: '$a' }]", ["{ _id: 1, a: [1, 2] }", "{ _id: 2, a: [] }", "{ _id: 3, a: 'x' }", "{ _id: 4, a: null }", "{ _id: 5 }"]));
        Equal(["{ _id: 1, a: 1, i: NumberLong(0) }", "{ _id: 1, a: 2, i: NumberLong(1) }", "{ _id: 2, i: null }", "{ _id: 4, a: null, i: null }", "{ _id: 5, i: null }"],
            Run("[{ $unwind: { path: '$a', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true } }]",
                ["{ _id: 1, a: [1, 2] }", "{ _id: 2, a: [] }", "{ _id: 4, a: null }", "{ _id: 5 }"]));
    }

    [Fact]
    public void Unwind_nested_path()
    {
        Equal(["{ _id: 1, a: { b: 1 } }", "{ _id: 1, a: { b: 2 } }"], Run("[{ $unwind: '$a.b' }]", ["{ _id: 1, a: { b: [1, 2] } }"]));
    }

    [Fact]
    public void Redact_descends_prunes_and_keeps()
    {
        const string stage = "[{ $redact: { $cond: { if: { $eq: ['$level', 'secret'] }, then: '$$PRUNE', else: '$$DESCEND' } } }]";
        Equal(["{ _id: 1, level: 'public', items: [{ level: 'public' }], sub: { level: 'public' } }"],
            Run(stage, ["{ _id: 1, level: 'public', items: [{ level: 'secret' }, { level: 'public' }], sub: { level: 'public' }, hidden: { level: 'secret' } }"]));
    }
}
