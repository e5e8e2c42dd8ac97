using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Update;
using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class EdgeCaseTests
{
    [Fact]
    public void Set_through_a_null_fails_with_path_not_viable()
    {
        var error = Fails("{_id: 1, a: null}", "{$set: {'a.b': 1}}");
        HasError(error, 28, "Cannot create field 'b' in element {a: null}");
    }

    [Fact]
    public void Unset_through_a_scalar_is_ignored() => IsNoOp("{_id: 1, a: 5}", "{$unset: {'a.b': 1}}");

    [Fact]
    public void Inc_beyond_the_end_of_an_array_pads_with_nulls() =>
        Yields("{_id: 1, a: [1]}", "{$inc: {'a.2': 5}}", "{_id: 1, a: [1, null, 5]}");

    [Fact]
    public void Mul_double_by_decimal_gives_decimal() =>
        Yields("{_id: 1, a: 2.5}", "{$mul: {a: NumberDecimal('2')}}", "{_id: 1, a: NumberDecimal('5.0')}");

    [Fact]
    public void Operators_on_several_array_indexes_apply_together() =>
        Yields("{_id: 1, a: [1, 2, 3]}", "{$set: {'a.0': 'x'}, $unset: {'a.2': 1}}", "{_id: 1, a: ['x', 2, null]}");

    [Fact]
    public void Positional_and_other_fields_in_one_update() =>
        Yields("{_id: 1, a: [{n: 1}, {n: 2}], c: 0}", "{$set: {'a.$.n': 9}, $inc: {c: 1}}", "{_id: 1, a: [{n: 1}, {n: 9}], c: 1}", matchedIndex: 1);

    [Fact]
    public void Push_into_arrays_selected_by_an_array_filter() =>
        Yields("{_id: 1, a: [{k: 1, v: []}, {k: 2, v: [0]}]}", "{$push: {'a.$[e].v': 5}}",
            "{_id: 1, a: [{k: 1, v: []}, {k: 2, v: [0, 5]}]}", arrayFilters: "[{'e.k': 2}]");

    [Fact]
    public void Pull_from_every_element_array() =>
        Yields("{_id: 1, a: [{v: [1, 2]}, {v: [2, 3]}]}", "{$pull: {'a.$[].v': 2}}", "{_id: 1, a: [{v: [1]}, {v: [3]}]}");

    [Fact]
    public void Upsert_treats_a_dbref_as_an_equality_value()
    {
        var spec = UpdateSpec.Parse(BsonDocument.Parse("{$set: {x: 1}}"));
        var document = spec.BuildUpsertDocument(BsonDocument.Parse("{owner: {$ref: 'people', $id: 5}}"), Context());
        Same("{owner: {$ref: 'people', $id: 5}, x: 1}", document);
    }

    [Fact]
    public void One_parsed_update_applies_to_many_documents_concurrently()
    {
        var spec = UpdateSpec.Parse(BsonDocument.Parse("{$inc: {n: 1}, $push: {log: {$each: [1], $slice: -3}}}"));
        Parallel.For(0, 200, i =>
        {
            var outcome = spec.Apply(new BsonDocument { { "_id", i }, { "n", i }, { "log", new BsonArray { 7, 8 } } }, Context());
            Assert.Equal(i + 1, outcome.Document["n"].AsInt32);
            Assert.Equal(new BsonArray { 7, 8, 1 }, outcome.Document["log"]);
        });
    }

    [Fact]
    public void Removing_the_last_field_of_a_nested_document_keeps_the_empty_document() =>
        Yields("{_id: 1, a: {b: 1}}", "{$unset: {'a.b': 1}}", "{_id: 1, a: {}}");

    [Fact]
    public void Min_into_a_nested_missing_path_creates_it() =>
        Yields("{_id: 1}", "{$min: {'a.b': 3}}", "{_id: 1, a: {b: 3}}");
}
