using System.Buffers.Binary;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Indexes;

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
        var end = BinaryPrimitives.ReadInt32LittleEndian(container) - 1;
        var position = sizeof(int);
        var elements = 0;
        while (position < end)
        {
            if (isArray && ++elements > maxElements) return false;
            var type = (BsonType)container[position++];
            position += container[position..].IndexOf((byte)0) + 1;
            var size = RawKeyReader.ValueSize(type, container[position..]);
            if (type is BsonType.Document or BsonType.Array && !Walk(container.Slice(position, size), type == BsonType.Array, maxElements)) return false;
            position += size;
        }
        return true;
    }
}
