using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>Reading and writing dotted paths through embedded documents only (no array traversal).</summary>
internal static class DocumentPaths
{
    public static BsonValue? Get(BsonDocument document, string[] path)
    {
        BsonValue? value = document;
        foreach (var part in path)
        {
            if (value is not BsonDocument current || !current.TryGetValue(part, out value)) return null;
        }
        return value;
    }

    /// <summary>A copy of the document with the path set; the documents along the path are copied, never mutated.</summary>
    public static BsonDocument With(BsonDocument document, string[] path, BsonValue value, int index = 0)
    {
        var copy = new BsonDocument(document.Elements);
        if (index == path.Length - 1)
        {
            copy[path[index]] = value;
            return copy;
        }
        var child = copy.TryGetValue(path[index], out var existing) && existing is BsonDocument d ? d : new BsonDocument();
        copy[path[index]] = With(child, path, value, index + 1);
        return copy;
    }

    /// <summary>A copy of the document without the path (unchanged when the path is absent).</summary>
    public static BsonDocument Without(BsonDocument document, string[] path, int index = 0)
    {
        if (!document.TryGetValue(path[index], out var existing)) return document;
        var copy = new BsonDocument(document.Elements);
        if (index == path.Length - 1)
        {
            copy.Remove(path[index]);
            return copy;
        }
        if (existing is BsonDocument child) copy[path[index]] = Without(child, path, index + 1);
        return copy;
    }
}
