using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary><c>$size</c>: an array with exactly this many elements.</summary>
internal sealed class SizeTest(int size) : ValueTest
{
    public override bool ExpandsLeafArrays => false;

    public override bool Test(BsonValue? value, ref int arrayPosition) => value is BsonArray array && array.Count == size;
}
