using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// A stored document: its BSON bytes, deserialised on demand (each call gives a fresh, mutable copy).
/// [Immutable - ThreadSafe] a replace stores a new instance, so a reference taken under the lock stays valid.
/// </summary>
public sealed class StoredDocument(RecordId id, byte[] bytes)
{
    /// <summary>Longest array for which a filter reads the document in place (see <see cref="IsReadableInPlace"/>).</summary>
    internal const int MaxArrayLengthReadInPlace = 32;

    private const int ShapeUnknown = 0;
    private const int ShapeReadableInPlace = 1;
    private const int ShapeHasLongArray = 2;

    /// <summary>The answer of <see cref="IsReadableInPlace"/>, worked out on first use (a benign race: every thread computes the same).</summary>
    private int _shape;

    public RecordId Id { get; } = id;

    public byte[] Bytes { get; } = bytes;

    /// <summary>
    /// True when no array in the document, at any depth, has more than <see cref="MaxArrayLengthReadInPlace"/>
    /// elements, so a filter may read the bytes in place (a raw array is walked from its start for every positional
    /// access). Walking the document's structure costs about as much as the rest of an indexed find's filter check,
    /// so the answer is kept: the bytes never change.
    /// </summary>
    internal bool IsReadableInPlace
    {
        get
        {
            var shape = Volatile.Read(ref _shape);
            if (shape == ShapeUnknown)
            {
                shape = Bson.RawBsonShape.ArraysAtMost(Bytes, MaxArrayLengthReadInPlace) ? ShapeReadableInPlace : ShapeHasLongArray;
                Volatile.Write(ref _shape, shape);
            }
            return shape == ShapeReadableInPlace;
        }
    }

    public BsonDocument ToBsonDocument() => BsonSerializer.Deserialize<BsonDocument>(Bytes);

    /// <summary>Orders stored documents by record id (natural order).</summary>
    internal static readonly IComparer<StoredDocument> ByRecordId =
        Comparer<StoredDocument>.Create(static (x, y) => x.Id.Value.CompareTo(y.Id.Value));
}
