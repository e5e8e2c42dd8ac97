using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// The values a path offers to an equality match, as a query would see them: through arrays of documents,
/// each array element and the array itself; null when nothing is there (so missing matches null).
/// </summary>
internal static class LookupKeys
{
    public static List<BsonValue> Of(BsonDocument document, string[] path)
    {
        var keys = new List<BsonValue>();
        Collect(document, path, 0, keys);
        if (keys.Count == 0) keys.Add(BsonNull.Value);
        return keys;
    }

    private static void Collect(BsonValue value, string[] path, int index, List<BsonValue> keys)
    {
        if (index == path.Length)
        {
            keys.Add(value);
            if (value is BsonArray array) keys.AddRange(array);
            return;
        }
        switch (value)
        {
            case BsonDocument document:
                if (document.TryGetValue(path[index], out var next)) Collect(next, path, index + 1, keys);
                break;
            case BsonArray array:
                foreach (var item in array)
                {
                    if (item is BsonDocument) Collect(item, path, index, keys);
                }
                if (int.TryParse(path[index], out var position) && position >= 0 && position < array.Count)
                    Collect(array[position], path, index + 1, keys);
                break;
        }
    }
}
