using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Indexes;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// One collection: documents by record id plus its indexes (always including _id_).
/// Every mutation checks everything that can fail (parallel arrays, duplicate keys) before it changes anything.
/// [NotThreadSafe] read under the engine's read lock; mutated only through <see cref="StorageWriter"/> (write lock).
/// </summary>
public sealed class CollectionStore
{
    /// <summary>MongoDB's maximum user document size.</summary>
    public const int MaxDocumentSize = 16 * 1024 * 1024;

    private const int MinimumDocumentsPerRebuildSlice = 5_000;

    private readonly SortedChunkList<StoredDocument> _records = new(StoredDocument.ByRecordId);
    private readonly List<IndexStore> _indexes = [];
    private long _nextRecordId = 1;

    internal CollectionStore(string database, string name, CollectionOptions options, Guid uuid)
    {
        Database = database;
        Name = name;
        Options = options;
        Uuid = uuid;
        _indexes.Add(new IndexStore(IndexDefinition.IdIndex));
    }

    public string Database { get; private set; }

    public string Name { get; private set; }

    /// <summary>The namespace <c>database.collection</c>.</summary>
    public string FullName => Database + "." + Name;

    public CollectionOptions Options { get; private set; }

    /// <summary>The collection's UUID, as listCollections' info.uuid shows it.</summary>
    public Guid Uuid { get; }

    public long Count => _records.Count;

    /// <summary>Total BSON size of the documents.</summary>
    public long DataSize { get; private set; }

    public long TotalIndexSize => _indexes.Sum(index => index.ApproximateSize);

    public IReadOnlyList<IndexStore> Indexes => _indexes;

    /// <summary>The text index's fields and weights (for FilterOptions.TextIndexFields); null without a text index.</summary>
    public IReadOnlyDictionary<string, int>? TextIndexFields => _indexes.FirstOrDefault(index => index.Definition.IsText)?.Definition.TextWeights;

    /// <summary>The next record id to assign (kept by checkpoints so ids never repeat).</summary>
    internal long NextRecordId => _nextRecordId;

    /// <summary>Documents in natural (record id) order. Safe to continue after changing the collection.</summary>
    public IEnumerable<StoredDocument> Scan() => _records.WalkAll(forward: true);

    /// <summary>Documents in reverse natural order (<c>$natural: -1</c>).</summary>
    public IEnumerable<StoredDocument> ScanBackward() => _records.WalkAll(forward: false);

    public StoredDocument? Get(RecordId id) => Get(id.Value);

    public IndexStore? FindIndex(string name) => _indexes.FirstOrDefault(index => index.Definition.Name == name);

    public IndexStore? FindIndexByKeyPattern(BsonDocument keyPattern) => _indexes.FirstOrDefault(index => index.Definition.HasKeyPattern(keyPattern));

    /// <summary>The listCollections entry: <c>{ name, type, options, info: { readOnly, uuid }, idIndex }</c>.</summary>
    public BsonDocument ToListCollectionsDocument() => new()
    {
        { "name", Name },
        { "type", "collection" },
        { "options", Options.ToDocument() },
        { "info", new BsonDocument { { "readOnly", false }, { "uuid", new BsonBinaryData(Uuid, GuidRepresentation.Standard) } } },
        { "idIndex", IndexDefinition.IdIndex.ToListIndexesDocument() },
    };

    internal StoredDocument? Get(long recordId) =>
        _records.TryGetValue(new StoredDocument(new RecordId(recordId), []), out var found) ? found : null;

    internal void SetOptions(CollectionOptions options) => Options = options;

    internal void MoveTo(string database, string name)
    {
        Database = database;
        Name = name;
    }

    /// <summary>Stores a new document; <paramref name="recordId"/> is given only when replaying the journal.</summary>
    internal StoredDocument Insert(BsonDocument document, byte[] bytes, long? recordId = null)
    {
        var keys = KeysOf(document);
        var id = recordId ?? _nextRecordId;
        CheckUnique(keys, id);

        var stored = new StoredDocument(new RecordId(id), bytes);
        if (!_records.Add(stored)) throw new InvalidOperationException($"Record {id} already exists in {FullName}.");
        _nextRecordId = Math.Max(_nextRecordId, id + 1);
        DataSize += bytes.Length;
        for (var i = 0; i < _indexes.Count; i++) _indexes[i].Add(keys[i], id);
        return stored;
    }

    internal StoredDocument Replace(long recordId, BsonDocument document, byte[] bytes)
    {
        var existing = Get(recordId) ?? throw new MongoError(ErrorCode.NoSuchKey, $"Record {recordId} does not exist in {FullName}.");
        var newKeys = KeysOf(document);
        CheckUnique(newKeys, recordId);
        var oldKeys = KeysOf(existing.ToBsonDocument());

        var stored = new StoredDocument(existing.Id, bytes);
        _records.Update(stored);
        DataSize += bytes.Length - existing.Bytes.Length;
        for (var i = 0; i < _indexes.Count; i++)
        {
            _indexes[i].Remove(oldKeys[i], recordId);
            _indexes[i].Add(newKeys[i], recordId);
        }
        return stored;
    }

    internal bool Delete(long recordId)
    {
        var existing = Get(recordId);
        if (existing is null) return false;
        var oldKeys = KeysOf(existing.ToBsonDocument());
        _records.Remove(existing);
        DataSize -= existing.Bytes.Length;
        for (var i = 0; i < _indexes.Count; i++) _indexes[i].Remove(oldKeys[i], recordId);
        return true;
    }

    /// <summary>
    /// Adds an index built over the existing documents, or returns the existing identical one.
    /// Throws IndexKeySpecsConflict/IndexOptionsConflict for clashes and E11000 when unique data is duplicated.
    /// </summary>
    internal IndexStore CreateIndex(IndexDefinition definition, out bool created)
    {
        created = false;
        var existing = FindConflictingOrSame(definition);
        if (existing is not null) return existing;

        var index = new IndexStore(definition);
        if (index.MaintainsEntries) Build(index);
        _indexes.Add(index);
        created = true;
        return index;
    }

    internal void DropIndex(string name)
    {
        if (name == IndexDefinition.IdIndexName) throw new MongoError(ErrorCode.InvalidOptions, "cannot drop _id index");
        var index = FindIndex(name) ?? throw IndexErrors.IndexNotFound($"index not found with name [{name}]");
        _indexes.Remove(index);
    }

    /// <summary>collMod on an index: changes expireAfterSeconds and/or hidden; returns the new definition.</summary>
    internal IndexDefinition ModifyIndex(string name, int? expireAfterSeconds, bool? hidden)
    {
        var index = FindIndex(name) ?? throw IndexErrors.IndexNotFound($"cannot find index {name} for ns {FullName}");
        if (hidden is not null && index.Definition.IsIdIndex) throw new MongoError(ErrorCode.BadValue, "can't hide _id index");
        if (expireAfterSeconds is not null && index.Definition.ExpireAfterSeconds is null)
            throw new MongoError(ErrorCode.InvalidOptions, "no expireAfterSeconds field to update");
        index.Redefine(index.Definition.With(expireAfterSeconds, hidden));
        return index.Definition;
    }

    /// <summary>Loads documents in record id order (checkpoint recovery); indexes are rebuilt afterwards in bulk.</summary>
    internal void LoadDocument(StoredDocument document)
    {
        if (!_records.Add(document)) throw new InvalidDataException($"Record {document.Id.Value} appears twice in {FullName}.");
        DataSize += document.Bytes.Length;
        _nextRecordId = Math.Max(_nextRecordId, document.Id.Value + 1);
    }

    /// <summary>Recovery only: swaps the document without touching indexes (they are rebuilt afterwards).</summary>
    internal void ReplaceUnindexed(StoredDocument document)
    {
        var existing = Get(document.Id.Value) ?? throw new InvalidDataException($"Record {document.Id.Value} is missing in {FullName}.");
        _records.Update(document);
        DataSize += document.Bytes.Length - existing.Bytes.Length;
    }

    /// <summary>Recovery only: removes the document without touching indexes (they are rebuilt afterwards).</summary>
    internal void DeleteUnindexed(long recordId)
    {
        var existing = Get(recordId);
        if (existing is null) return;
        _records.Remove(existing);
        DataSize -= existing.Bytes.Length;
    }

    internal void SetNextRecordId(long nextRecordId) => _nextRecordId = Math.Max(_nextRecordId, nextRecordId);

    /// <summary>Adds an index definition without building it (recovery builds all indexes together afterwards).</summary>
    internal void AddIndexUnbuilt(IndexDefinition definition)
    {
        if (definition.IsIdIndex) return;
        _indexes.Add(new IndexStore(definition));
    }

    /// <summary>
    /// Rebuilds every index from the documents (recovery), deserialising each document once. Key extraction runs on
    /// slices of the documents in parallel, then each index sorts its entries once, indexes side by side.
    /// </summary>
    internal void RebuildIndexes()
    {
        var maintained = _indexes.Where(index => index.MaintainsEntries).ToArray();
        if (maintained.Length == 0) return;
        var documents = _records.ToArray();
        var slices = Math.Clamp(documents.Length / MinimumDocumentsPerRebuildSlice, 1, Environment.ProcessorCount);
        var entries = new List<IndexEntry>[slices, maintained.Length];
        var multikey = new bool[slices, maintained.Length];

        Parallel.For(0, slices, slice =>
        {
            var from = (int)((long)documents.Length * slice / slices);
            var to = (int)((long)documents.Length * (slice + 1) / slices);
            for (var i = 0; i < maintained.Length; i++) entries[slice, i] = new List<IndexEntry>(to - from);
            for (var position = from; position < to; position++)
            {
                var stored = documents[position];
                var document = stored.ToBsonDocument();
                for (var i = 0; i < maintained.Length; i++)
                {
                    var keys = maintained[i].KeysOf(document);
                    multikey[slice, i] |= keys.IsMultikey;
                    foreach (var key in keys.Keys) entries[slice, i].Add(new IndexEntry(key, stored.Id.Value));
                }
            }
        });

        Parallel.For(0, maintained.Length, i =>
        {
            var total = 0;
            var anyMultikey = false;
            for (var slice = 0; slice < slices; slice++)
            {
                total += entries[slice, i].Count;
                anyMultikey |= multikey[slice, i];
            }
            var all = new List<IndexEntry>(total);
            for (var slice = 0; slice < slices; slice++) all.AddRange(entries[slice, i]);
            maintained[i].LoadEntries(all, anyMultikey);
        });
    }

    internal StoredDocument[] CaptureDocuments() => _records.ToArray();

    private void Build(IndexStore index)
    {
        var entries = new List<IndexEntry>(_records.Count);
        var multikey = false;
        foreach (var stored in _records.WalkAll(forward: true))
        {
            var keys = index.KeysOf(stored.ToBsonDocument());
            multikey |= keys.IsMultikey;
            foreach (var key in keys.Keys) entries.Add(new IndexEntry(key, stored.Id.Value));
        }
        entries.Sort(index.Comparer);
        if (index.Definition.Unique)
        {
            for (var i = 1; i < entries.Count; i++)
            {
                if (index.Comparer.CompareKeys(entries[i - 1].Key, entries[i].Key) == 0 && entries[i - 1].RecordId != entries[i].RecordId)
                    throw IndexErrors.DuplicateKey(this, index.Definition, entries[i].Key);
            }
        }
        index.LoadEntries(entries, multikey);
    }

    private IndexStore? FindConflictingOrSame(IndexDefinition definition)
    {
        foreach (var index in _indexes)
        {
            var existing = index.Definition;
            if (existing.Name == definition.Name)
            {
                if (!existing.HasKeyPattern(definition.Key))
                    throw new MongoError(ErrorCode.IndexKeySpecsConflict, SameNameMessage(definition, existing));
                if (definition.IsIdIndex || existing.HasSameOptions(definition)) return index;
                throw new MongoError(ErrorCode.IndexOptionsConflict, SameNameMessage(definition, existing));
            }
            if (existing.HasSameIdentity(definition))
                throw new MongoError(ErrorCode.IndexOptionsConflict, $"Index already exists with a different name: {existing.Name}");
            if (existing.IsText && definition.IsText)
            {
                throw new MongoError(ErrorCode.IndexOptionsConflict,
                    $"An equivalent index already exists with a different name and options. Requested index: {definition.ToListIndexesDocument().ToJson()}, existing index: {existing.ToListIndexesDocument().ToJson()}");
            }
        }
        return null;
    }

    private static string SameNameMessage(IndexDefinition requested, IndexDefinition existing) =>
        "An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. "
        + $"Please refer to our documentation. Requested index: {requested.ToListIndexesDocument().ToJson()}, existing index: {existing.ToListIndexesDocument().ToJson()}";

    private DocumentKeys[] KeysOf(BsonDocument document)
    {
        var keys = new DocumentKeys[_indexes.Count];
        for (var i = 0; i < _indexes.Count; i++) keys[i] = _indexes[i].KeysOf(document);
        return keys;
    }

    private void CheckUnique(DocumentKeys[] keys, long self)
    {
        for (var i = 0; i < _indexes.Count; i++)
        {
            var index = _indexes[i];
            if (!index.Definition.Unique) continue;
            foreach (var key in keys[i].Keys)
            {
                if (index.FindOtherHolder(key, self) is not null) throw IndexErrors.DuplicateKey(this, index.Definition, key);
            }
        }
    }
}
