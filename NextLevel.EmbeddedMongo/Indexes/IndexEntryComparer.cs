using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Indexes;

/// <summary>Index order: each key field by MongoDB's value order in its direction, then record id ascending.</summary>
internal sealed class IndexEntryComparer(bool[] descending) : IComparer<IndexEntry>
{
    public int FieldCount => descending.Length;

    public int Compare(IndexEntry x, IndexEntry y)
    {
        var byKey = CompareKeys(x.Key, y.Key);
        return byKey != 0 ? byKey : x.RecordId.CompareTo(y.RecordId);
    }

    /// <summary>Compares two key tuples in index order, ignoring record ids.</summary>
    public int CompareKeys(object x, object y)
    {
        for (var field = 0; field < descending.Length; field++)
        {
            var byField = CompareField(field, IndexEntry.ValueAt(x, field), IndexEntry.ValueAt(y, field));
            if (byField != 0) return byField;
        }
        return 0;
    }

    public int CompareField(int field, MongoDB.Bson.BsonValue x, MongoDB.Bson.BsonValue y)
    {
        var byValue = BsonValueComparer.Instance.Compare(x, y);
        return descending[field] ? -byValue : byValue;
    }

    public bool IsDescending(int field) => descending[field];
}
