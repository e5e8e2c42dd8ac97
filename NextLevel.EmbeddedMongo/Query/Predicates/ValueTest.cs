using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary>
/// One compiled leaf operator ($eq, $gt, $regex, ...) tested against a single candidate value;
/// C# null stands for a missing value. [Immutable - ThreadSafe]
/// </summary>
internal abstract class ValueTest : IPathValueTest
{
    /// <summary>Whether a path ending in an array offers this test the array's elements as well as the array
    /// (false for operators that look at whole arrays: $size, $elemMatch).</summary>
    public virtual bool ExpandsLeafArrays => true;

    public abstract bool Test(BsonValue? value, ref int arrayPosition);

    /// <summary>Tests a value directly, as inside <c>$elemMatch</c> where elements are not expanded.</summary>
    public bool Test(BsonValue? value)
    {
        var ignored = -1;
        return Test(value, ref ignored);
    }
}
