using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Indexes;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// One collection: documents by record id plus its indexes (always including _id_).
/// Every mutation checks everything that can fail (parallel arrays, duplicate keys) before it changes anything.
/// [NotThreadSafe] read under the engine's read lock; mutated only through <see cref="StorageWriter"/> (write lock).
/// </summary>
public sealed partial class CollectionStore
{
    /// <summary>MongoDB's maximum user document size.</summary>
    public const int MaxDocumentSize = 16 * 1024 * 1024;

    private readonly RecordTable _records = new();
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

    internal StoredDocument? Get(long recordId) => _records.Get(recordId);

    internal void SetOptions(CollectionOptions options) => Options = options;

    internal void MoveTo(string database, string name)
    {
        Database = database;
        Name = name;
    }

    /// <summary>Stores a new document; <paramref name="recordId"/> is given only when replaying the journal.</summary>
    internal StoredDocument Insert(BsonDocument document, byte[] bytes, long? recordId = null)
    {
        var keys = KeysOf(bytes, document);
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
        var newKeys = KeysOf(bytes, document);
        CheckUnique(newKeys, recordId);
        var oldKeys = KeysOf(existing);

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
        var oldKeys = KeysOf(existing);
        _records.Remove(existing);
        DataSize -= existing.Bytes.Length;
        for (var i = 0; i < _indexes.Count; i++) _indexes[i].Remove(oldKeys[i], recordId);
        return true;
    }

    private DocumentKeys[] KeysOf(byte[] bytes, BsonDocument document)
    {
        var keys = new DocumentKeys[_indexes.Count];
        for (var i = 0; i < _indexes.Count; i++) keys[i] = _indexes[i].KeysOf(bytes, document);
        return keys;
    }

    private DocumentKeys[] KeysOf(StoredDocument stored)
    {
        BsonDocument? document = null;
        var keys = new DocumentKeys[_indexes.Count];
        for (var i = 0; i < _indexes.Count; i++) keys[i] = _indexes[i].KeysOf(stored, ref document);
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
