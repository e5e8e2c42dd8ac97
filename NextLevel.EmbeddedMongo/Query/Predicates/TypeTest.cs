using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary><c>$type</c>: the value's BSON type is one of the listed types ("number" lists all four numeric types).</summary>
internal sealed class TypeTest(IReadOnlyCollection<BsonType> types) : ValueTest
{
    private readonly BsonType[] _types = [.. types];

    public override bool Test(BsonValue? value, ref int arrayPosition) => value is not null && Array.IndexOf(_types, value.BsonType) >= 0;
}
