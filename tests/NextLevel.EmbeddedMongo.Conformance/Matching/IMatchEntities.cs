using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Conformance.Matching;

/// <summary>What the special matching operators need from the test's entity map.</summary>
public interface IMatchEntities
{
    /// <summary>The BSON value stored under <paramref name="name"/> ($$matchesEntity); throws if absent or not BSON.</summary>
    BsonValue GetBsonValue(string name);

    /// <summary>The logical session id of the session entity <paramref name="name"/> ($$sessionLsid).</summary>
    BsonDocument GetSessionLsid(string name);
}
