using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Indexes;

namespace NextLevel.EmbeddedMongo.Bson;

/// <summary>
/// Decodes BSON values straight from their bytes into <see cref="BsonValue"/>s: scalars, embedded documents and
/// arrays. The driver's reader allocates a stream, a reader, its contexts and a string per element name on each
/// document, which made those allocations (and the collections they caused) most of an aggregation's cost. The
/// rarer types (binary, regular expression, JavaScript, symbol, DBPointer) answer false, and the caller falls back
/// to the driver. [Stateless - ThreadSafe]
/// </summary>
internal static class RawBsonDecoder
{
    public static bool TryValue(BsonType type, ReadOnlySpan<byte> content, out BsonValue? value)
    {
        switch (type)
        {
            case BsonType.Document:
                value = TryDocument(content);
                return value is not null;
            case BsonType.Array:
                value = TryArray(content);
                return value is not null;
            default:
                return RawKeyReader.TryMaterialize(type, content, out value);
        }
    }

    /// <summary>A document from its bytes (length prefix included), or null when it holds a type decoded only by the driver.</summary>
    public static BsonDocument? TryDocument(ReadOnlySpan<byte> bytes)
    {
        var document = new BsonDocument();
        foreach (var (type, name, content) in new Elements(bytes))
        {
            if (!TryValue(type, content, out var value)) return null;
            document.Add(Encoding.UTF8.GetString(name), value);
        }
        return document;
    }

    /// <summary>An array from its bytes (its element names, "0", "1", ..., are skipped), or null as for documents.</summary>
    public static BsonArray? TryArray(ReadOnlySpan<byte> bytes)
    {
        var array = new BsonArray();
        foreach (var (type, _, content) in new Elements(bytes))
        {
            if (!TryValue(type, content, out var value)) return null;
            array.Add(value);
        }
        return array;
    }

    /// <summary>One element: its type, its name's UTF-8 bytes and its value's bytes.</summary>
    public readonly ref struct Element(BsonType type, ReadOnlySpan<byte> name, ReadOnlySpan<byte> content)
    {
        public BsonType Type { get; } = type;

        public ReadOnlySpan<byte> Name { get; } = name;

        public ReadOnlySpan<byte> Content { get; } = content;

        public void Deconstruct(out BsonType type, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> content)
        {
            type = Type;
            name = Name;
            content = Content;
        }
    }

    /// <summary>The elements of a document or array: type, name bytes and value bytes, per the BSON spec's layout.</summary>
    public ref struct Elements(ReadOnlySpan<byte> container)
    {
        private readonly ReadOnlySpan<byte> _container = container;
        private readonly int _end = BinaryPrimitives.ReadInt32LittleEndian(container) - 1;
        private int _position = sizeof(int);

        public Element Current { get; private set; }

        public readonly Elements GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_position >= _end) return false;
            var type = (BsonType)_container[_position++];
            var nameLength = _container[_position..].IndexOf((byte)0);
            var name = _container.Slice(_position, nameLength);
            _position += nameLength + 1;
            var size = RawKeyReader.ValueSize(type, _container[_position..]);
            Current = new Element(type, name, _container.Slice(_position, size));
            _position += size;
            return true;
        }
    }
}
