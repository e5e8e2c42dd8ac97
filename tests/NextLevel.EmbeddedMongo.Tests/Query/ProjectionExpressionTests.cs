using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class ProjectionExpressionTests
{
    private static string Project(string projection, string document) =>
        Projection.Parse(BsonDocument.Parse(projection)).Apply(BsonDocument.Parse(document)).ToJson();

    private static string Json(string document) => BsonDocument.Parse(document).ToJson();

    [Fact]
    public void Computed_fields_follow_included_fields() =>
        Assert.Equal(Json("{ _id: 1, a: 1, total: 5 }"), Project("{ total: { $add: ['$a', 4] }, a: 1 }", "{ _id: 1, a: 1, b: 2 }"));

    [Fact]
    public void Field_path_strings_copy_values() =>
        Assert.Equal(Json("{ _id: 1, city: 'Lyon' }"), Project("{ city: '$address.city' }", "{ _id: 1, address: { city: 'Lyon' } }"));

    [Fact]
    public void Literal_strings_are_values() => Assert.Equal(Json("{ _id: 1, kind: 'lead' }"), Project("{ kind: 'lead' }", "{ _id: 1, a: 1 }"));

    [Fact]
    public void Literal_operator_gives_numbers_as_values() =>
        Assert.Equal(Json("{ _id: 1, one: 1 }"), Project("{ one: { $literal: 1 } }", "{ _id: 1, a: 1 }"));

    [Fact]
    public void Missing_results_are_omitted() => Assert.Equal(Json("{ _id: 1 }"), Project("{ x: '$nope' }", "{ _id: 1 }"));

    [Fact]
    public void Dotted_computed_field_creates_the_embedded_document() =>
        Assert.Equal(Json("{ _id: 1, a: { b: 1, x: 2 } }"), Project("{ 'a.b': 1, 'a.x': '$y' }", "{ _id: 1, a: { b: 1, c: 0 }, y: 2 }"));

    [Fact]
    public void Dotted_computed_field_on_a_missing_parent() =>
        Assert.Equal(Json("{ _id: 1, a: { x: 2 } }"), Project("{ 'a.x': '$y' }", "{ _id: 1, y: 2 }"));

    [Fact]
    public void Expressions_are_not_allowed_in_exclusion_projections() =>
        Assert.Equal(31252, Assert.Throws<MongoError>(() => Projection.Parse(BsonDocument.Parse("{ a: 0, b: '$c' }"))).Code);

    [Fact]
    public void Id_can_be_computed() => Assert.Equal(Json("{ _id: 'x', a: 1 }"), Project("{ _id: '$k', a: 1 }", "{ _id: 1, a: 1, k: 'x' }"));
}
