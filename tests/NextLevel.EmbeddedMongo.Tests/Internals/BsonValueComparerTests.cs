using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Tests.Internals;

public class BsonValueComparerTests
{
    private static readonly BsonValueComparer Comparer = BsonValueComparer.Instance;

    [Fact]
    public void Numbers_of_different_types_compare_by_value()
    {
        Assert.Equal(0, Comparer.Compare(new BsonInt32(1), new BsonDouble(1.0)));
        Assert.Equal(0, Comparer.Compare(new BsonInt64(1), new BsonDecimal128(1m)));
        Assert.True(Comparer.Compare(new BsonInt32(2), new BsonDouble(2.5)) < 0);
        Assert.True(Comparer.Compare(new BsonDecimal128(3.5m), new BsonInt64(3)) > 0);
    }

    [Fact]
    public void Long_and_double_compare_exactly_above_two_to_the_53()
    {
        Assert.True(Comparer.Compare(new BsonInt64(9007199254740993), new BsonDouble(9007199254740992.0)) > 0);
    }

    [Fact]
    public void NaN_equals_NaN_and_sorts_below_every_number()
    {
        Assert.Equal(0, Comparer.Compare(new BsonDouble(double.NaN), new BsonDouble(double.NaN)));
        Assert.True(Comparer.Compare(new BsonDouble(double.NaN), new BsonDouble(double.NegativeInfinity)) < 0);
        Assert.True(Comparer.Compare(new BsonDouble(double.NaN), new BsonInt32(int.MinValue)) < 0);
    }

    [Fact]
    public void Types_sort_in_canonical_order_not_wire_order()
    {
        BsonValue[] ascending =
        [
            BsonMinKey.Value, BsonNull.Value, new BsonInt32(5), new BsonString("a"), new BsonDocument("a", 1),
            new BsonArray { 1 }, new BsonBinaryData([1]), ObjectId.GenerateNewId(), BsonBoolean.False,
            new BsonDateTime(DateTime.UtcNow), new BsonTimestamp(1, 1), new BsonRegularExpression("a"), BsonMaxKey.Value,
        ];
        for (var i = 0; i + 1 < ascending.Length; i++)
        {
            Assert.True(Comparer.Compare(ascending[i], ascending[i + 1]) < 0, $"{ascending[i]} < {ascending[i + 1]}");
        }
    }

    [Fact]
    public void Missing_equals_null()
    {
        Assert.Equal(0, Comparer.Compare(null, BsonNull.Value));
    }

    [Fact]
    public void Equal_numbers_hash_alike()
    {
        Assert.Equal(Comparer.GetHashCode(new BsonInt32(7)), Comparer.GetHashCode(new BsonDouble(7.0)));
        Assert.Equal(Comparer.GetHashCode(new BsonInt64(7)), Comparer.GetHashCode(new BsonDecimal128(7m)));
        Assert.Equal(
            Comparer.GetHashCode(new BsonDocument("a", 1)),
            Comparer.GetHashCode(new BsonDocument("a", 1.0)));
    }

    [Fact]
    public void Documents_compare_field_by_field_then_by_length()
    {
        Assert.True(Comparer.Compare(new BsonDocument("a", 1), new BsonDocument { { "a", 1 }, { "b", 1 } }) < 0);
        Assert.True(Comparer.Compare(new BsonDocument("a", 2), new BsonDocument("b", 1)) < 0);
    }
}
