using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class ProjectionTests
{
    private static string Project(string projection, string document, MatchDetails? details = null) =>
        Projection.Parse(BsonDocument.Parse(projection)).Apply(BsonDocument.Parse(document), details).ToJson();

    private static string Json(string document) => BsonDocument.Parse(document).ToJson();

    private static int ErrorCode(string projection) =>
        Assert.Throws<MongoError>(() => Projection.Parse(BsonDocument.Parse(projection))).Code;

    [Fact]
    public void Inclusion_keeps_listed_fields_and_id_in_document_order() =>
        Assert.Equal(Json("{ _id: 1, a: 1, c: 3 }"), Project("{ c: 1, a: 1 }", "{ _id: 1, a: 1, b: 2, c: 3 }"));

    [Fact]
    public void Inclusion_can_drop_id() => Assert.Equal(Json("{ a: 1 }"), Project("{ a: 1, _id: 0 }", "{ _id: 1, a: 1, b: 2 }"));

    [Fact]
    public void Exclusion_removes_listed_fields() => Assert.Equal(Json("{ _id: 1, b: 2 }"), Project("{ a: 0, c: false }", "{ _id: 1, a: 1, b: 2, c: 3 }"));

    [Fact]
    public void Id_only_exclusion_keeps_other_fields() => Assert.Equal(Json("{ a: 1 }"), Project("{ _id: 0 }", "{ _id: 1, a: 1 }"));

    [Fact]
    public void Empty_projection_returns_the_document() => Assert.Equal(Json("{ _id: 1, a: 1 }"), Project("{}", "{ _id: 1, a: 1 }"));

    [Fact]
    public void Missing_included_fields_are_omitted() => Assert.Equal(Json("{ _id: 1 }"), Project("{ x: 1 }", "{ _id: 1, a: 1 }"));

    [Fact]
    public void Dotted_inclusion_into_embedded_documents() =>
        Assert.Equal(Json("{ _id: 1, a: { b: 1 } }"), Project("{ 'a.b': 1 }", "{ _id: 1, a: { b: 1, c: 2 }, d: 3 }"));

    [Fact]
    public void Nested_projection_document_is_like_dotted_paths() =>
        Assert.Equal(Json("{ _id: 1, a: { b: 1 } }"), Project("{ a: { b: 1 } }", "{ _id: 1, a: { b: 1, c: 2 } }"));

    [Fact]
    public void Dotted_inclusion_through_arrays_keeps_documents_and_drops_scalars() =>
        Assert.Equal(Json("{ _id: 1, a: [ { b: 1 }, { } ] }"), Project("{ 'a.b': 1 }", "{ _id: 1, a: [ { b: 1, c: 2 }, 5, { c: 3 } ] }"));

    [Fact]
    public void Dotted_exclusion_through_arrays_keeps_scalars() =>
        Assert.Equal(Json("{ _id: 1, a: [ { c: 2 }, 5 ] }"), Project("{ 'a.b': 0 }", "{ _id: 1, a: [ { b: 1, c: 2 }, 5 ] }"));

    [Fact]
    public void Mixing_inclusion_and_exclusion_is_rejected()
    {
        Assert.Equal(31254, ErrorCode("{ a: 1, b: 0 }"));
        Assert.Equal(31253, ErrorCode("{ a: 0, b: 1 }"));
    }

    [Fact]
    public void Id_may_be_excluded_in_an_inclusion_projection() => Assert.Equal(Json("{ a: 1 }"), Project("{ _id: 0, a: 1 }", "{ _id: 1, a: 1 }"));

    [Fact]
    public void Path_collisions_are_rejected()
    {
        Assert.Equal(31249, ErrorCode("{ a: 1, 'a.b': 1 }"));
        Assert.Equal(31250, ErrorCode("{ 'a.b': 1, a: 1 }"));
    }

    [Fact]
    public void Empty_sub_projection_is_rejected() => Assert.Equal(51270, ErrorCode("{ a: {} }"));

    [Fact]
    public void Slice_takes_the_first_or_last_elements()
    {
        Assert.Equal(Json("{ _id: 1, a: [1, 2] }"), Project("{ a: { $slice: 2 } }", "{ _id: 1, a: [1, 2, 3] }"));
        Assert.Equal(Json("{ _id: 1, a: [3] }"), Project("{ a: { $slice: -1 } }", "{ _id: 1, a: [1, 2, 3] }"));
        Assert.Equal(Json("{ _id: 1, a: [1, 2, 3] }"), Project("{ a: { $slice: 10 } }", "{ _id: 1, a: [1, 2, 3] }"));
    }

    [Fact]
    public void Slice_with_skip_and_limit()
    {
        Assert.Equal(Json("{ _id: 1, a: [2, 3] }"), Project("{ a: { $slice: [1, 2] } }", "{ _id: 1, a: [1, 2, 3, 4] }"));
        Assert.Equal(Json("{ _id: 1, a: [3] }"), Project("{ a: { $slice: [-2, 1] } }", "{ _id: 1, a: [1, 2, 3, 4] }"));
        Assert.Equal(Json("{ _id: 1, a: [] }"), Project("{ a: { $slice: [10, 1] } }", "{ _id: 1, a: [1, 2] }"));
    }

    [Fact]
    public void Slice_alone_keeps_the_other_fields() =>
        Assert.Equal(Json("{ _id: 1, a: [1], b: 2 }"), Project("{ a: { $slice: 1 } }", "{ _id: 1, a: [1, 2], b: 2 }"));

    [Fact]
    public void Slice_in_an_inclusion_projection_includes_the_field() =>
        Assert.Equal(Json("{ _id: 1, a: [1], c: 3 }"), Project("{ c: 1, a: { $slice: 1 } }", "{ _id: 1, a: [1, 2], b: 2, c: 3 }"));

    [Fact]
    public void Slice_leaves_non_arrays_alone() => Assert.Equal(Json("{ _id: 1, a: 5 }"), Project("{ a: { $slice: 1 } }", "{ _id: 1, a: 5 }"));

    [Fact]
    public void Slice_with_a_non_positive_limit_is_rejected() => Assert.Equal(31259, ErrorCode("{ a: { $slice: [1, 0] } }"));

    [Theory]
    [InlineData("{ a: { $slice: [1] } }", 31272)]
    [InlineData("{ a: { $slice: ['x', 1] } }", 31257)]
    [InlineData("{ a: { $slice: [1, 'x'] } }", 31258)]
    [InlineData("{ a: { $slice: 'x' } }", 31273)]
    public void Malformed_slice_is_rejected(string projection, int code) => Assert.Equal(code, ErrorCode(projection));

    [Fact]
    public void Id_inclusion_makes_an_inclusion_projection() => Assert.Equal(31254, ErrorCode("{ _id: 1, a: 0 }"));

    [Fact]
    public void ElemMatch_with_an_exclusion_keeps_other_fields() =>
        Assert.Equal(Json("{ _id: 1, b: 2, a: [ { k: 1 } ] }"), Project("{ a: { $elemMatch: { k: 1 } }, c: 0 }", "{ _id: 1, a: [ { k: 2 }, { k: 1 } ], b: 2, c: 3 }"));

    [Fact]
    public void Positional_and_elemMatch_cannot_be_combined()
    {
        Assert.Equal(31256, ErrorCode("{ a: { $elemMatch: { k: 1 } }, 'b.$': 1 }"));
        Assert.Equal(31255, ErrorCode("{ 'b.$': 1, a: { $elemMatch: { k: 1 } } }"));
    }

    [Fact]
    public void ElemMatch_returns_the_first_matching_element_after_other_fields() =>
        Assert.Equal(
            Json("{ _id: 1, z: 1, rooms: [ { k: 'bed', s: 2 } ] }"),
            Project("{ rooms: { $elemMatch: { k: 'bed' } }, z: 1 }", "{ _id: 1, rooms: [ { k: 'bath', s: 1 }, { k: 'bed', s: 2 }, { k: 'bed', s: 3 } ], z: 1, y: 2 }"));

    [Fact]
    public void ElemMatch_without_a_match_omits_the_field() =>
        Assert.Equal(Json("{ _id: 1 }"), Project("{ rooms: { $elemMatch: { k: 'x' } } }", "{ _id: 1, rooms: [ { k: 'bath' } ], y: 2 }"));

    [Fact]
    public void ElemMatch_on_a_nested_field_is_rejected() => Assert.Equal(31275, ErrorCode("{ 'a.b': { $elemMatch: { x: 1 } } }"));

    [Fact]
    public void Positional_projection_keeps_the_matched_element()
    {
        var filter = Filter.Parse(BsonDocument.Parse("{ 'grades.score': { $gt: 80 } }"));
        var document = BsonDocument.Parse("{ _id: 1, grades: [ { score: 70, by: 'a' }, { score: 90, by: 'b' } ], name: 'x' }");
        var details = new MatchDetails();
        Assert.True(filter.Matches(document, details));
        var projected = Projection.Parse(BsonDocument.Parse("{ 'grades.$': 1 }")).Apply(document, details);
        Assert.Equal(Json("{ _id: 1, grades: [ { score: 90, by: 'b' } ] }"), projected.ToJson());
    }

    [Fact]
    public void Positional_projection_on_a_sub_field()
    {
        var details = new MatchDetails { ArrayIndex = 1 };
        Assert.Equal(Json("{ _id: 1, a: [ { b: 2 } ] }"), Project("{ 'a.b.$': 1 }", "{ _id: 1, a: [ { b: 1, c: 1 }, { b: 2, c: 2 } ] }", details));
    }

    [Fact]
    public void Positional_projection_without_a_matched_position_fails()
    {
        var error = Assert.Throws<MongoError>(() => Project("{ 'a.$': 1 }", "{ _id: 1, a: [1, 2] }", new MatchDetails()));
        Assert.Equal(51246, error.Code);
    }

    [Fact]
    public void Only_one_positional_projection_is_allowed() => Assert.Equal(31276, ErrorCode("{ 'a.$': 1, 'b.$': 1 }"));

    [Fact]
    public void Text_score_meta_uses_the_score_from_the_filter()
    {
        var details = new MatchDetails { TextScore = 1.25 };
        Assert.Equal(Json("{ _id: 1, a: 1, score: 1.25 }"), Project("{ score: { $meta: 'textScore' } }", "{ _id: 1, a: 1 }", details));
    }

    [Fact]
    public void Text_score_meta_without_a_text_query_fails() =>
        Assert.Equal(40218, Assert.Throws<MongoError>(() => Project("{ score: { $meta: 'textScore' } }", "{ _id: 1 }", new MatchDetails())).Code);

    [Fact]
    public void Unknown_meta_is_rejected() => Assert.Equal(17308, ErrorCode("{ s: { $meta: 'nope' } }"));

    [Fact]
    public void Dollar_field_names_are_rejected() => Assert.Equal(16410, ErrorCode("{ $a: 1 }"));

    [Fact]
    public void Projection_does_not_change_the_input()
    {
        var document = BsonDocument.Parse("{ _id: 1, a: { b: 1, c: 2 } }");
        var projected = Projection.Parse(BsonDocument.Parse("{ 'a.b': 1 }")).Apply(document);
        projected["a"].AsBsonDocument["b"] = 99;
        Assert.Equal(1, document["a"]["b"].AsInt32);
        Assert.Equal(2, document["a"]["c"].AsInt32);
    }
}

public class ProjectionElemMatchTests
{
    [Fact]
    public void ElemMatch_projection_accepts_the_operator_form()
    {
        var projected = Projection.Parse(BsonDocument.Parse("{ scores: { $elemMatch: { $gt: 80 } } }"))
            .Apply(BsonDocument.Parse("{ _id: 1, scores: [70, 85, 90] }"));
        Assert.Equal(BsonDocument.Parse("{ _id: 1, scores: [85] }").ToJson(), projected.ToJson());
    }
}
