using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary><c>$exists: true</c> (false is the negation of this): the path yields a value, null included.</summary>
internal sealed class ExistsTest : ValueTest
{
    public static readonly ExistsTest Instance = new();

    public override bool Test(BsonValue? value, ref int arrayPosition) => value is not null;
}
