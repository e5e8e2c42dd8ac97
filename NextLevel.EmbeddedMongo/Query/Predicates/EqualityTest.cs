using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary><c>$eq</c> and implicit equality: equal in MongoDB's order; <c>null</c> also matches a missing value.</summary>
internal sealed class EqualityTest(BsonValue expected) : ValueTest
{
    private readonly BsonTypeRank _rank = BsonTypeOrder.RankOf(expected);

    public BsonValue Expected { get; } = expected;

    public override bool Test(BsonValue? value, ref int arrayPosition) =>
        BsonTypeOrder.RankOf(value) == _rank && BsonValueComparer.Instance.Compare(value, Expected) == 0;
}
