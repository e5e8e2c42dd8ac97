using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// A stored document: its BSON bytes, deserialised on demand (each call gives a fresh, mutable copy).
/// [Immutable - ThreadSafe] a replace stores a new instance, so a reference taken under the lock stays valid.
/// </summary>
public sealed class StoredDocument(RecordId id, byte[] bytes)
{
    public RecordId Id { get; } = id;

    public byte[] Bytes { get; } = bytes;

    public BsonDocument ToBsonDocument() => BsonSerializer.Deserialize<BsonDocument>(Bytes);

    /// <summary>Orders stored documents by record id (natural order).</summary>
    internal static readonly IComparer<StoredDocument> ByRecordId =
        Comparer<StoredDocument>.Create(static (x, y) => x.Id.Value.CompareTo(y.Id.Value));
}
