using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Indexes;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// One index of a collection: its definition and its ordered entries (key tuple, record id).
/// Text indexes keep only their definition ($text scans the collection).
/// [NotThreadSafe] read under the engine's read lock, changed only by the collection under the write lock.
/// </summary>
public sealed class IndexStore
{
    private readonly Func<IndexEntry, (bool HasBefore, IndexEntry Before, bool HasAfter, IndexEntry After), IndexEntry> _shareWithNeighbours;
    private Filter? _partialFilter;
    private UniqueKeyHolders? _holders;

    internal IndexStore(IndexDefinition definition)
    {
        Definition = definition;
        Pattern = IndexKeyPattern.From(definition.Key);
        Comparer = new IndexEntryComparer(Pattern.Descending);
        var keyComparer = Comparer<object>.Create(Comparer.CompareKeys);
        KeyGenerator = new IndexKeyGenerator(Pattern, keyComparer);
        Entries = new SortedChunkList<IndexEntry>(Comparer);
        if (definition.Unique && MaintainsEntries) _holders = new UniqueKeyHolders(Comparer);
        _shareWithNeighbours = ShareWithNeighbours;
    }

    public IndexDefinition Definition { get; private set; }

    /// <summary>True once any document gave more than one key (or an array): such an index cannot provide a sort.</summary>
    public bool IsMultikey { get; private set; }

    public long EntryCount => Entries.Count;

    /// <summary>Estimated bytes held by the entries (for collStats' indexSizes).</summary>
    public long ApproximateSize => Entries.Count * 48L;

    /// <summary>Entries are kept for every index except text indexes.</summary>
    internal bool MaintainsEntries => !Pattern.IsText;

    internal IndexKeyPattern Pattern { get; }

    internal IndexEntryComparer Comparer { get; }

    internal IndexKeyGenerator KeyGenerator { get; }

    internal SortedChunkList<IndexEntry> Entries { get; }

    /// <summary>The keys of <paramref name="document"/> in this index: none when sparse or partial leaves it out.</summary>
    internal DocumentKeys KeysOf(BsonDocument document)
    {
        if (!MaintainsEntries) return new DocumentKeys([], false, true);
        if (Definition.PartialFilterExpression is not null)
        {
            _partialFilter ??= Filter.Parse(Definition.PartialFilterExpression);
            if (!_partialFilter.Matches(document)) return new DocumentKeys([], false, true);
        }
        var keys = KeyGenerator.Generate(document);
        if (Definition.Sparse && keys.AllFieldsMissing) return new DocumentKeys([], false, true);
        return keys;
    }

    /// <summary>
    /// The keys of a stored document, read from its bytes when possible; otherwise <paramref name="document"/> is
    /// deserialised once (and kept for the caller's other indexes).
    /// </summary>
    internal DocumentKeys KeysOf(StoredDocument stored, ref BsonDocument? document)
    {
        if (!MaintainsEntries) return new DocumentKeys([], false, true);
        if (document is null && Definition.PartialFilterExpression is null && KeyGenerator.TryGenerate(stored.Bytes, out var keys))
            return Definition.Sparse && keys.AllFieldsMissing ? new DocumentKeys([], false, true) : keys;
        document ??= stored.ToBsonDocument();
        return KeysOf(document);
    }

    /// <summary>
    /// The keys of a document about to be stored as <paramref name="bytes"/>: read from the bytes when possible (no
    /// key value then refers into <paramref name="document"/>), otherwise generated from the document.
    /// </summary>
    internal DocumentKeys KeysOf(byte[] bytes, BsonDocument document)
    {
        if (!MaintainsEntries) return new DocumentKeys([], false, true);
        if (Definition.PartialFilterExpression is null && KeyGenerator.TryGenerate(bytes, out var keys))
            return Definition.Sparse && keys.AllFieldsMissing ? new DocumentKeys([], false, true) : keys;
        return KeysOf(document);
    }

    /// <summary>The record other than <paramref name="self"/> that already holds <paramref name="key"/>, if any.</summary>
    internal long? FindOtherHolder(object key, long self)
    {
        if (TryFindUniqueHolder(key, out var holder)) return holder is { } recordId && recordId != self ? recordId : null;
        foreach (var entry in Entries.WalkForward(entry => Comparer.CompareKeys(entry.Key, key) < 0 ? -1 : 0))
        {
            if (Comparer.CompareKeys(entry.Key, key) != 0) return null;
            if (entry.RecordId != self) return entry.RecordId;
        }
        return null;
    }

    /// <summary>
    /// The record holding <paramref name="key"/> (a whole key) in a unique index, by one hash probe; false when this
    /// index cannot answer that way (not unique, or a key with values the hash does not hold) and the entries must be walked.
    /// </summary>
    internal bool TryFindUniqueHolder(object key, out long? holder)
    {
        holder = null;
        if (_holders is null || !UniqueKeyHolders.IsHashable(key)) return false;
        holder = _holders.HolderOf(key);
        return true;
    }

    /// <summary>
    /// Walks entries in ascending order of the first key field, whichever the index direction, starting at the first
    /// entry whose first value is not before the target (<paramref name="seek"/>: negative = value before the target).
    /// </summary>
    internal IEnumerable<IndexEntry> WalkValuesAscending(Func<BsonValue, int> seek) =>
        Pattern.Descending[0]
            ? Entries.WalkBackward(entry => -seek(entry.ValueAt(0)))
            : Entries.WalkForward(entry => seek(entry.ValueAt(0)));

    internal void Add(DocumentKeys keys, long recordId)
    {
        if (keys.IsMultikey) IsMultikey = true;
        foreach (var key in keys.Keys)
        {
            Entries.Add(new IndexEntry(key, recordId), _shareWithNeighbours);
            _holders?.Add(key, recordId);
        }
    }

    /// <summary>An entry about to be added, its key values shared with its neighbours' where equal (one search per entry).</summary>
    private IndexEntry ShareWithNeighbours(IndexEntry entry, (bool HasBefore, IndexEntry Before, bool HasAfter, IndexEntry After) neighbours)
    {
        var shared = neighbours.HasAfter ? ShareValues(neighbours.After.Key, entry.Key) : entry.Key;
        if (neighbours.HasBefore) shared = ShareValues(neighbours.Before.Key, shared);
        return ReferenceEquals(shared, entry.Key) ? entry : new IndexEntry(shared, entry.RecordId);
    }

    internal void Remove(DocumentKeys keys, long recordId)
    {
        foreach (var key in keys.Keys)
        {
            Entries.Remove(new IndexEntry(key, recordId));
            _holders?.Remove(key, recordId);
        }
    }

    /// <summary>Replaces all entries at once (index builds and recovery): sorts once instead of inserting one by one.</summary>
    internal void LoadEntries(List<IndexEntry> entries, bool multikey)
    {
        entries.Sort(Comparer);
        for (var i = 1; i < entries.Count; i++)
        {
            var shared = ShareValues(entries[i - 1].Key, entries[i].Key);
            if (!ReferenceEquals(shared, entries[i].Key)) entries[i] = new IndexEntry(shared, entries[i].RecordId);
        }
        Entries.LoadSorted(entries);
        if (_holders is not null)
        {
            _holders = new UniqueKeyHolders(Comparer, entries.Count);
            foreach (var entry in entries) _holders.Add(entry.Key, entry.RecordId);
        }
        IsMultikey = multikey;
    }

    /// <summary>
    /// Reuses the value objects of a neighbouring entry's key where they are equal (low-cardinality fields such as a
    /// status then cost one object per distinct value instead of one per document). Key values are never mutated.
    /// </summary>
    private object ShareValues(object neighbour, object key)
    {
        if (key is not BsonValue[] values)
            return BsonValueComparer.Instance.Equals((BsonValue)neighbour, (BsonValue)key) && SameType(neighbour, key) ? neighbour : key;
        var neighbourValues = (BsonValue[])neighbour;
        var allEqual = true;
        for (var field = 0; field < values.Length; field++)
        {
            if (ReferenceEquals(values[field], neighbourValues[field])) continue;
            if (BsonValueComparer.Instance.Equals(values[field], neighbourValues[field]) && SameType(values[field], neighbourValues[field]))
                values[field] = neighbourValues[field];
            else
                allEqual = false;
        }
        return allEqual ? neighbour : key;
    }

    /// <summary>1 and 1.0 compare equal but must keep their own type (keyValue in duplicate key errors shows it).</summary>
    private static bool SameType(object x, object y) => ((BsonValue)x).BsonType == ((BsonValue)y).BsonType;

    /// <summary>collMod: changes options that do not affect the entries (expireAfterSeconds, hidden).</summary>
    internal void Redefine(IndexDefinition definition) => Definition = definition;

    internal void Clear()
    {
        Entries.Clear();
        _holders?.Clear();
        IsMultikey = false;
    }
}
