using System.Text;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Indexes;

namespace NextLevel.EmbeddedMongo.Bson;

/// <summary>
/// A stored document read in place by a filter. As <see cref="RawBsonDocument"/>, but a top-level field holding a
/// scalar is found by comparing element names byte for byte and decoding only its value: RawBsonDocument builds a
/// reader and decodes the name of every element it passes on each lookup, which was most of an indexed find's
/// filter check. Embedded documents, arrays and the other types come from the base class as before.
/// Only for reading: replies keep <see cref="RawBsonDocument"/> itself, the exact type the serialiser writes as
/// its bytes. [Immutable - not for concurrent use, as RawBsonDocument]
/// </summary>
internal sealed class StoredBsonDocument(byte[] bytes) : RawBsonDocument(bytes)
{
    /// <summary>Longest field name (in UTF-16 code units) encoded on the stack; longer ones use the base lookup.</summary>
    private const int MaxStackNameLength = 64;

    private readonly byte[] _bytes = bytes;

    public override bool TryGetValue(string name, out BsonValue value)
    {
        if (name.Length <= MaxStackNameLength && IsPlainText(name))
        {
            Span<byte> encoded = stackalloc byte[MaxStackNameLength * 3];
            var length = Encoding.UTF8.GetBytes(name, encoded);
            switch (RawKeyReader.FindTopLevel(_bytes, encoded[..length], out var found))
            {
                case RawLookup.Found:
                    value = found!;
                    return true;
                case RawLookup.Missing:
                    value = null!;
                    return false;
            }
        }
        return base.TryGetValue(name, out value);
    }

    /// <summary>False for names with surrogates (their UTF-8 form is only well defined when paired): the base lookup compares those.</summary>
    private static bool IsPlainText(string name)
    {
        foreach (var c in name)
        {
            if (char.IsSurrogate(c)) return false;
        }
        return true;
    }
}
