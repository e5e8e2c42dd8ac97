using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Indexes;

/// <summary>
/// One index entry: the key tuple and the record it points to. A single-field key is stored as the bare
/// BsonValue and a compound key as a BsonValue[], which keeps the common case to one reference and a long.
/// </summary>
internal readonly struct IndexEntry(object key, long recordId)
{
    /// <summary>A <see cref="BsonValue"/> (single field) or <see cref="BsonValue"/>[] (compound key).</summary>
    public object Key { get; } = key;

    public long RecordId { get; } = recordId;

    public static BsonValue ValueAt(object key, int field) => key is BsonValue[] values ? values[field] : (BsonValue)key;

    public BsonValue ValueAt(int field) => ValueAt(Key, field);
}
