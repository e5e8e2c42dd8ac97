using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary>
/// Reads a dotted path the way aggregation field paths do: through an array, the remaining path is applied to
/// each element that is a document, and the results (missing ones left out) form a new array.
/// </summary>
internal static class FieldPath
{
    public static BsonValue? Resolve(BsonValue? start, string[] path, int index = 0)
    {
        var value = start;
        for (var i = index; i < path.Length; i++)
        {
            switch (value)
            {
                case BsonDocument document:
                    value = document.TryGetValue(path[i], out var next) ? next : null;
                    break;
                case BsonArray array:
                    return ResolveInArray(array, path, i);
                default:
                    return null;
            }
        }
        return value;
    }

    private static BsonArray ResolveInArray(BsonArray array, string[] path, int index)
    {
        var result = new BsonArray();
        foreach (var element in array)
        {
            if (element is not BsonDocument) continue;
            var nested = Resolve(element, path, index);
            if (nested is not null) result.Add(nested);
        }
        return result;
    }

    /// <summary>Splits "a.b.c" and checks MongoDB's field path rules.</summary>
    public static string[] Split(string path)
    {
        if (path.Length == 0) throw MongoError.Location(16872, "'$' by itself is not a valid FieldPath");
        var parts = path.Split('.');
        foreach (var part in parts)
        {
            if (part.Length == 0) throw MongoError.Location(15998, "FieldPath field names may not be empty strings.");
            if (part[0] == '$') throw MongoError.Location(16410, $"FieldPath field names may not start with '$'. Consider using $getField or $setField.");
        }
        return parts;
    }
}
