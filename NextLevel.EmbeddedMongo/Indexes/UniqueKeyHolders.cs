using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Indexes;

/// <summary>
/// The record holding each key of a unique index, by hash: an equality lookup or a uniqueness check is one probe
/// instead of a search through the ordered entries, which with a million entries touches some twenty scattered key
/// objects (a cache miss each). Only keys whose values are all strings (or symbols), ObjectIds, dates or booleans
/// are held: within those canonical types equal values are always of hashable types, so for such a probe a miss is
/// as authoritative as a hit. Keys with numbers (equal across int, long, double and decimal), documents, arrays and
/// the rest are found by walking the ordered entries as before.
/// [NotThreadSafe] kept by <see cref="Storage.IndexStore"/> under the engine lock.
/// </summary>
internal sealed class UniqueKeyHolders
{
    private readonly Dictionary<object, long> _holders;

    public UniqueKeyHolders(IndexEntryComparer comparer, int capacity = 0)
    {
        _holders = new Dictionary<object, long>(capacity, new KeyEquality(comparer));
    }

    /// <summary>True when the key can be held here (and so looked up here).</summary>
    public static bool IsHashable(object key)
    {
        if (key is not BsonValue[] values) return IsHashableValue((BsonValue)key);
        foreach (var value in values)
        {
            if (!IsHashableValue(value)) return false;
        }
        return true;
    }

    /// <summary>The record holding a hashable key, or null when no record does.</summary>
    public long? HolderOf(object key) => _holders.TryGetValue(key, out var recordId) ? recordId : null;

    public void Add(object key, long recordId)
    {
        if (IsHashable(key)) _holders[key] = recordId;
    }

    public void Remove(object key, long recordId)
    {
        if (IsHashable(key) && _holders.TryGetValue(key, out var holder) && holder == recordId) _holders.Remove(key);
    }

    public void Clear() => _holders.Clear();

    private static bool IsHashableValue(BsonValue value) =>
        value.BsonType is BsonType.String or BsonType.Symbol or BsonType.ObjectId or BsonType.DateTime or BsonType.Boolean;

    /// <summary>Key tuples equal in index order (direction does not matter for equality), hashed field by field.</summary>
    private sealed class KeyEquality(IndexEntryComparer comparer) : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => comparer.CompareKeys(x!, y!) == 0;

        public int GetHashCode(object key)
        {
            if (key is not BsonValue[] values) return BsonValueComparer.Instance.GetHashCode((BsonValue)key);
            var hash = new HashCode();
            foreach (var value in values) hash.Add(BsonValueComparer.Instance.GetHashCode(value));
            return hash.ToHashCode();
        }
    }
}
