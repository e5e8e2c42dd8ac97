using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class DocumentPathTests
{
    private static readonly BsonDocument Listing = BsonDocument.Parse(
        "{ address: { city: 'Lyon', zip: '69001' }, rooms: [ { name: 'kitchen', size: 12 }, { name: 'bed', size: 15 } ], tags: ['sea', 'quiet'] }");

    [Fact]
    public void TryGetValue_follows_embedded_documents()
    {
        Assert.True(DocumentPath.TryGetValue(Listing, "address.city", out var city));
        Assert.Equal("Lyon", city.AsString);
    }

    [Fact]
    public void TryGetValue_indexes_arrays_with_numeric_components()
    {
        Assert.True(DocumentPath.TryGetValue(Listing, "rooms.1.size", out var size));
        Assert.Equal(15, size.AsInt32);
        Assert.True(DocumentPath.TryGetValue(Listing, "tags.0", out var tag));
        Assert.Equal("sea", tag.AsString);
    }

    [Fact]
    public void TryGetValue_does_not_expand_arrays()
    {
        Assert.False(DocumentPath.TryGetValue(Listing, "rooms.size", out _));
        Assert.False(DocumentPath.TryGetValue(Listing, "address.street", out _));
        Assert.False(DocumentPath.TryGetValue(Listing, "rooms.5", out _));
        Assert.Null(DocumentPath.GetValueOrMissing(Listing, "tags.x"));
    }

    [Fact]
    public void Candidates_traverse_arrays_of_documents()
    {
        var sizes = DocumentPath.Parse("rooms.size").EnumerateCandidates(Listing).Select(v => v!.AsInt32);
        Assert.Equal([12, 15], sizes);
    }

    [Fact]
    public void Candidates_of_a_leaf_array_are_its_elements_then_the_array()
    {
        var candidates = DocumentPath.Parse("tags").EnumerateCandidates(Listing).ToList();
        Assert.Equal(3, candidates.Count);
        Assert.Equal("sea", candidates[0]!.AsString);
        Assert.Equal("quiet", candidates[1]!.AsString);
        Assert.IsType<BsonArray>(candidates[2]);
    }

    [Fact]
    public void Candidates_without_leaf_expansion_give_only_the_array()
    {
        var candidates = DocumentPath.Parse("tags").EnumerateCandidates(Listing, expandLeafArrays: false).ToList();
        Assert.IsType<BsonArray>(Assert.Single(candidates));
    }

    [Fact]
    public void A_missing_path_yields_one_missing_candidate()
    {
        Assert.Equal([null], DocumentPath.Parse("address.street").EnumerateCandidates(Listing));
        Assert.Equal([null], DocumentPath.Parse("address.city.x").EnumerateCandidates(Listing));
    }

    [Fact]
    public void Numeric_component_matches_both_array_position_and_field_name()
    {
        var document = BsonDocument.Parse("{ a: [ { '1': 'field' }, 'position' ] }");
        var candidates = DocumentPath.Parse("a.1").EnumerateCandidates(document).Select(v => v!.AsString).ToList();
        Assert.Equal(["field", "position"], candidates);
    }

    [Fact]
    public void Nested_arrays_are_not_traversed_implicitly()
    {
        var document = BsonDocument.Parse("{ a: [ [ { b: 1 } ] ] }");
        Assert.Empty(DocumentPath.Parse("a.b").EnumerateCandidates(document));
        Assert.Equal([1], DocumentPath.Parse("a.0.b").EnumerateCandidates(document).Select(v => v!.AsInt32));
    }

    [Fact]
    public void Key_values_expand_arrays_and_use_null_for_missing_and_undefined_for_empty_arrays()
    {
        var document = BsonDocument.Parse("{ a: [ { b: 3 }, { c: 1 } ], e: [] }");
        var keys = DocumentPath.Parse("a.b").EnumerateKeyValues(document);
        Assert.Equal([new BsonInt32(3), BsonNull.Value], keys);
        Assert.Equal([BsonUndefined.Value], DocumentPath.Parse("e").EnumerateKeyValues(document));
        Assert.Equal([BsonNull.Value], DocumentPath.Parse("zzz").EnumerateKeyValues(document));
    }
}

public class DocumentPathPositionTests
{
    [Fact]
    public void An_array_reached_by_position_is_not_expanded()
    {
        var document = BsonDocument.Parse("{ a: [ [1, 2] ] }");
        var candidate = Assert.Single(DocumentPath.Parse("a.0").EnumerateCandidates(document));
        Assert.IsType<BsonArray>(candidate);
    }

    [Fact]
    public void Arrays_of_scalars_yield_nothing_for_a_sub_path()
    {
        Assert.Empty(DocumentPath.Parse("a.b").EnumerateCandidates(BsonDocument.Parse("{ a: [1, 2] }")));
        Assert.Empty(DocumentPath.Parse("a.b").EnumerateCandidates(BsonDocument.Parse("{ a: [] }")));
    }
}
