using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary><c>$eq</c> and implicit equality: equal in MongoDB's order; <c>null</c> also matches a missing value.</summary>
internal sealed class EqualityTest : ValueTest
{
    private readonly BsonTypeRank _rank;
    private readonly string? _expectedString;

    public EqualityTest(BsonValue expected)
    {
        Expected = expected;
        _rank = BsonTypeOrder.RankOf(expected);
        _expectedString = expected is BsonString s ? s.Value : null;
    }

    public BsonValue Expected { get; }

    public override bool Test(BsonValue? value, ref int arrayPosition)
    {
        // Strings are the most common equality filter; compare them without the general type dispatch.
        if (_expectedString is not null && value is BsonString s) return string.Equals(s.Value, _expectedString, StringComparison.Ordinal);
        return BsonTypeOrder.RankOf(value) == _rank && BsonValueComparer.Instance.Compare(value, Expected) == 0;
    }
}
