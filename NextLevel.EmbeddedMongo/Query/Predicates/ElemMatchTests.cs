using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary><c>$elemMatch</c> with operators (<c>{ $gt: 1, $lt: 5 }</c>): one element satisfies them all.</summary>
internal sealed class ElemMatchValueTest(ValueTest elementTest) : ValueTest
{
    public override bool ExpandsLeafArrays => false;

    public override bool Test(BsonValue? value, ref int arrayPosition)
    {
        if (value is not BsonArray array) return false;
        for (var i = 0; i < array.Count; i++)
        {
            if (elementTest.Test(array[i]))
            {
                arrayPosition = i;
                return true;
            }
        }
        return false;
    }
}

/// <summary><c>$elemMatch</c> with a query (<c>{ qty: { $gt: 1 }, sku: "a" }</c>): one document element matches it.</summary>
internal sealed class ElemMatchObjectTest(Filter elementFilter) : ValueTest
{
    public override bool ExpandsLeafArrays => false;

    public override bool Test(BsonValue? value, ref int arrayPosition)
    {
        if (value is not BsonArray array) return false;
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is BsonDocument element && elementFilter.Matches(element))
            {
                arrayPosition = i;
                return true;
            }
        }
        return false;
    }
}
