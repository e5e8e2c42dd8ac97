using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update;
using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class UpsertDocumentTests
{
    private static BsonDocument Upsert(string filter, string update) =>
        UpdateSpec.Parse(ParseUpdate(update)).BuildUpsertDocument(BsonDocument.Parse(filter), Context());

    [Fact]
    public void Equality_fields_of_the_filter_seed_the_document() =>
        Same("{a: 1, b: 'x', c: 5}", Upsert("{a: 1, b: 'x'}", "{$set: {c: 5}}"));

    [Fact]
    public void Eq_operator_counts_as_equality() => Same("{a: 2}", Upsert("{a: {$eq: 2}}", "{$set: {}}"));

    [Fact]
    public void Equalities_inside_and_are_used() =>
        Same("{a: 1, b: 2}", Upsert("{$and: [{a: 1}, {b: {$eq: 2}}]}", "{$set: {}}"));

    [Fact]
    public void Dotted_equalities_create_nested_documents() =>
        Same("{a: {b: 1, c: 2}}", Upsert("{'a.c': 2, 'a.b': 1}", "{$set: {}}"));

    [Fact]
    public void Non_equality_conditions_are_left_out() =>
        Same("{d: 4}", Upsert("{$or: [{a: 1}], b: {$in: [1, 2]}, c: {$gt: 1}, e: /x/, d: 4}", "{$set: {}}"));

    [Fact]
    public void Id_from_the_filter_comes_first() =>
        Same("{_id: 7, a: 1, b: 2}", Upsert("{a: 1, _id: 7}", "{$set: {b: 2}}"));

    [Fact]
    public void SetOnInsert_applies_when_inserting() =>
        Same("{a: 1, created: true, n: 1}", Upsert("{a: 1}", "{$setOnInsert: {created: true}, $inc: {n: 1}}"));

    [Fact]
    public void Update_may_set_the_id_when_the_filter_has_none() =>
        Same("{_id: 5, a: 1}", Upsert("{a: 1}", "{$set: {_id: 5}}"));

    [Fact]
    public void Update_cannot_change_the_id_from_the_filter()
    {
        var error = Assert.Throws<MongoError>(() => Upsert("{_id: 1}", "{$set: {_id: 2}}"));
        Assert.Equal(66, error.Code);
    }

    [Fact]
    public void No_id_is_generated() => Assert.False(Upsert("{a: 1}", "{$set: {b: 1}}").Contains("_id"));

    [Fact]
    public void Replacement_gets_only_the_id_from_the_filter() =>
        Same("{_id: 3, x: 1}", Upsert("{_id: 3, a: 1}", "{x: 1}"));

    [Fact]
    public void Replacement_with_another_id_than_the_filter_fails() =>
        Assert.Equal(66, Assert.Throws<MongoError>(() => Upsert("{_id: 3}", "{_id: 4, x: 1}")).Code);

    [Fact]
    public void Replacement_without_id_in_the_filter_is_used_as_is() => Same("{x: 1}", Upsert("{a: 1}", "{x: 1}"));

    [Fact]
    public void Same_path_matched_twice_fails()
    {
        var error = Assert.Throws<MongoError>(() => Upsert("{a: 1, $and: [{a: 1}]}", "{$set: {}}"));
        HasError(error, 54, "cannot infer query fields to set, path 'a' is matched twice");
    }

    [Fact]
    public void Overlapping_paths_fail()
    {
        var error = Assert.Throws<MongoError>(() => Upsert("{a: {x: 1}, 'a.b': 1}", "{$set: {}}"));
        HasError(error, 54, "cannot infer query fields to set, both paths 'a.b' and 'a' are matched");
    }

    [Fact]
    public void Positional_operator_fails_on_insert()
    {
        var error = Assert.Throws<MongoError>(() => Upsert("{a: 1}", "{$set: {'b.$': 1}}"));
        HasError(error, 2, "The positional operator did not find the match needed from the query.");
    }

    [Fact]
    public void Pipeline_upsert_runs_on_the_filter_equalities() =>
        Same("{a: 2, b: 3}", Upsert("{a: 2}", "[{$set: {b: {$add: ['$a', 1]}}}]"));

    [Fact]
    public void Upsert_id_cannot_be_an_array() =>
        Assert.Equal(53, Assert.Throws<MongoError>(() => Upsert("{a: 1}", "{$set: {_id: [1]}}")).Code);

    [Fact]
    public void Build_does_not_modify_the_filter()
    {
        var filter = BsonDocument.Parse("{'a.b': 1}");
        UpdateSpec.Parse(BsonDocument.Parse("{$set: {'a.c': 2}}")).BuildUpsertDocument(filter, Context());
        Same("{'a.b': 1}", filter);
    }
}
