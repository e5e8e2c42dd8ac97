using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Update.Tree;

/// <summary>Where an existing value lives: a field of a document or an index of an array, so it can be replaced in place.</summary>
internal sealed record ValueSlot(BsonValue Container, string Key)
{
    public void Set(BsonValue value)
    {
        if (Container is BsonDocument document) document[Key] = value;
        else Container.AsBsonArray[int.Parse(Key, System.Globalization.CultureInfo.InvariantCulture)] = value;
    }

    /// <summary>Removes a field; an array element cannot be removed by path, so it becomes null (as $unset does).</summary>
    public void Remove()
    {
        if (Container is BsonDocument document) document.Remove(Key);
        else Set(BsonNull.Value);
    }
}
