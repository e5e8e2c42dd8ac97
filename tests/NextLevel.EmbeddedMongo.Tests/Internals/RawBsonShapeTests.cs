using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Tests.Internals;

public sealed class RawBsonShapeTests
{
    [Fact]
    public void Documents_whose_arrays_are_all_short_are_recognised_at_any_depth()
    {
        var shortArrays = new BsonDocument { { "a", new BsonArray { 1, 2, 3 } }, { "b", new BsonDocument("c", new BsonArray { new BsonDocument("d", new BsonArray { 1, 2 }) }) } };
        var longNested = new BsonDocument { { "a", 1 }, { "b", new BsonDocument("c", new BsonArray { new BsonDocument("d", new BsonArray(Enumerable.Range(0, 5))) }) } };

        Assert.True(RawBsonShape.ArraysAtMost(shortArrays.ToBson(), 3));
        Assert.False(RawBsonShape.ArraysAtMost(longNested.ToBson(), 4));
        Assert.True(RawBsonShape.ArraysAtMost(new BsonDocument().ToBson(), 0));
    }
}
