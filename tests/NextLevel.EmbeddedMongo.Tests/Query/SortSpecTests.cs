using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class SortSpecTests
{
    private static List<int> SortedIds(string sort, params string[] documents)
    {
        var spec = SortSpec.Parse(BsonDocument.Parse(sort));
        var parsed = documents.Select(BsonDocument.Parse).ToList();
        parsed.Sort(spec);
        return [.. parsed.Select(d => d["_id"].AsInt32)];
    }

    [Fact]
    public void Sorts_ascending_and_descending()
    {
        Assert.Equal([2, 3, 1], SortedIds("{ a: 1 }", "{ _id: 1, a: 3 }", "{ _id: 2, a: 1 }", "{ _id: 3, a: 2 }"));
        Assert.Equal([1, 3, 2], SortedIds("{ a: -1 }", "{ _id: 1, a: 3 }", "{ _id: 2, a: 1 }", "{ _id: 3, a: 2 }"));
    }

    [Fact]
    public void Later_keys_break_ties() =>
        Assert.Equal([2, 1, 3], SortedIds("{ a: 1, b: -1 }", "{ _id: 1, a: 1, b: 1 }", "{ _id: 2, a: 1, b: 2 }", "{ _id: 3, a: 2, b: 3 }"));

    [Fact]
    public void Missing_sorts_with_null_before_numbers() =>
        Assert.Equal([2, 3, 1], SortedIds("{ a: 1, _id: 1 }", "{ _id: 1, a: 1 }", "{ _id: 2 }", "{ _id: 3, a: null }"));

    [Fact]
    public void Mixed_types_sort_in_bson_order() =>
        Assert.Equal([3, 1, 2], SortedIds("{ a: 1 }", "{ _id: 1, a: 5 }", "{ _id: 2, a: 'x' }", "{ _id: 3, a: null }"));

    [Fact]
    public void Arrays_sort_by_smallest_element_ascending() =>
        Assert.Equal([2, 1], SortedIds("{ a: 1 }", "{ _id: 1, a: [3, 4] }", "{ _id: 2, a: [5, 1] }"));

    [Fact]
    public void Arrays_sort_by_largest_element_descending() =>
        Assert.Equal([2, 1], SortedIds("{ a: -1 }", "{ _id: 1, a: [3, 4] }", "{ _id: 2, a: [5, 1] }"));

    [Fact]
    public void Empty_array_sorts_before_null() =>
        Assert.Equal([2, 1], SortedIds("{ a: 1 }", "{ _id: 1, a: null }", "{ _id: 2, a: [] }"));

    [Fact]
    public void Dotted_paths_through_arrays_of_documents() =>
        Assert.Equal([2, 1], SortedIds("{ 'r.s': 1 }", "{ _id: 1, r: [ { s: 4 }, { s: 3 } ] }", "{ _id: 2, r: [ { s: 9 }, { s: 2 } ] }"));

    [Fact]
    public void Dotted_paths_into_embedded_documents() =>
        Assert.Equal([1, 2], SortedIds("{ 'a.b': -1 }", "{ _id: 1, a: { b: 9 } }", "{ _id: 2, a: { b: 2 } }"));

    [Fact]
    public void Keys_lists_paths_and_directions()
    {
        var spec = SortSpec.Parse(BsonDocument.Parse("{ receivedAt: -1, _id: 1 }"));
        Assert.Equal([("receivedAt", -1), ("_id", 1)], spec.Keys);
    }

    [Theory]
    [InlineData("{ a: 2 }", 15975)]
    [InlineData("{ a: 0 }", 15975)]
    [InlineData("{ a: 'asc' }", 15974)]
    [InlineData("{ a: { $meta: 'nope' } }", 17312)]
    public void Invalid_directions_are_rejected(string sort, int code) =>
        Assert.Equal(code, Assert.Throws<MongoError>(() => SortSpec.Parse(BsonDocument.Parse(sort))).Code);

    [Fact]
    public void Text_score_key_is_tolerated_and_usable_with_extracted_keys()
    {
        var spec = SortSpec.Parse(BsonDocument.Parse("{ score: { $meta: 'textScore' }, _id: 1 }"));
        Assert.True(spec.HasTextScore);
        Assert.Equal([("_id", 1)], spec.Keys);
        var low = spec.ExtractKey(BsonDocument.Parse("{ _id: 1 }"), textScore: 0.5);
        var high = spec.ExtractKey(BsonDocument.Parse("{ _id: 2 }"), textScore: 2.0);
        Assert.True(spec.CompareKeys(high, low) < 0);
    }

    [Fact]
    public void Numbers_of_different_types_sort_together() =>
        Assert.Equal([2, 3, 1], SortedIds("{ a: 1 }", "{ _id: 1, a: NumberLong(10) }", "{ _id: 2, a: 1.5 }", "{ _id: 3, a: NumberDecimal('2') }"));
}
