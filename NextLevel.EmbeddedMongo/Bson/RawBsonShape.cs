using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Bson;

/// <summary>
/// Cheap structural facts about stored BSON, read without decoding it. [Stateless - ThreadSafe]
/// </summary>
internal static class RawBsonShape
{
    /// <summary>
    /// True when no array in the document, at any depth, has more than <paramref name="maxElements"/> elements.
    /// A <see cref="RawBsonDocument"/> finds an array element by position by walking the array from its start, so
    /// reading it in place is only cheaper than deserialising when its arrays are short.
    /// </summary>
    public static bool ArraysAtMost(ReadOnlySpan<byte> document, int maxElements) => Walk(document, isArray: false, maxElements);

    private static bool Walk(ReadOnlySpan<byte> container, bool isArray, int maxElements)
    {
        var elements = 0;
        foreach (var (type, _, content) in new RawBsonDecoder.Elements(container))
        {
            if (isArray && ++elements > maxElements) return false;
            if (type is BsonType.Document or BsonType.Array && !Walk(content, type == BsonType.Array, maxElements)) return false;
        }
        return true;
    }
}
