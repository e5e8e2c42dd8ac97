using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Storage.Durability;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// Write access; every mutation is journaled. Throws MongoError without applying a failing mutation.
/// Valid only inside a <see cref="StorageEngine.WriteAsync{T}"/> callback (which holds the write lock).
/// </summary>
public sealed class StorageWriter : StorageReader
{
    private readonly IMutationLog? _log;

    internal StorageWriter(Catalog catalog, IMutationLog? log)
        : base(catalog)
    {
        _log = log;
    }

    /// <summary>The LSN of the last journal record this writer appended (0 when none).</summary>
    internal long LastLsn { get; private set; }

    public CollectionStore CreateCollection(string database, string name, CollectionOptions options)
    {
        NamespaceRules.ValidateCollection(database, name);
        var collection = Catalog.CreateCollection(database, name, options, Guid.NewGuid());
        Log(MutationRecords.CreateCollection(collection));
        return collection;
    }

    public CollectionStore GetOrCreateCollection(string database, string name) =>
        Catalog.Collection(database, name) ?? CreateCollection(database, name, CollectionOptions.Default);

    public bool DropCollection(string database, string name)
    {
        if (!Catalog.DropCollection(database, name)) return false;
        Log(MutationRecords.DropCollection(database, name));
        return true;
    }

    public bool DropDatabase(string database)
    {
        if (!Catalog.DropDatabase(database)) return false;
        Log(MutationRecords.DropDatabase(database));
        return true;
    }

    public void RenameCollection(string database, string name, string targetDatabase, string targetName, bool dropTarget)
    {
        NamespaceRules.ValidateCollection(targetDatabase, targetName);
        Catalog.Rename(database, name, targetDatabase, targetName, dropTarget);
        Log(MutationRecords.Rename(database, name, targetDatabase, targetName, dropTarget));
    }

    public void SetCollectionOptions(CollectionStore collection, CollectionOptions options)
    {
        collection.SetOptions(options);
        Log(MutationRecords.CollMod(collection));
    }

    /// <summary>
    /// Stores the document. An <c>_id</c> is generated when missing and moved to the front as MongoDB stores it
    /// (the given document is changed accordingly, so the caller can report the id). <paramref name="encoded"/> may
    /// carry the document's BSON exactly as received, which is then stored as it is instead of serialising again;
    /// it is ignored if the document has to change.
    /// </summary>
    public RecordId Insert(CollectionStore collection, BsonDocument document, byte[]? encoded = null)
    {
        if (PrepareId(document, existingId: null)) encoded = null;
        var bytes = encoded is null ? Serialize(document) : CheckSize(encoded);
        var stored = collection.Insert(document, bytes);
        LogDocument(MutationRecords.InsertOp, collection, stored);
        return stored.Id;
    }

    /// <summary>Replaces the document stored under <paramref name="id"/>; a missing <c>_id</c> keeps the old one.</summary>
    public void Replace(CollectionStore collection, RecordId id, BsonDocument document)
    {
        var existing = collection.Get(id) ?? throw new MongoError(ErrorCode.NoSuchKey, $"Record {id.Value} does not exist in {collection.FullName}.");
        var existingId = document.Contains("_id") ? null : existing.ToBsonDocument()["_id"];
        PrepareId(document, existingId);
        var bytes = Serialize(document);
        var stored = collection.Replace(id.Value, document, bytes);
        LogDocument(MutationRecords.ReplaceOp, collection, stored);
    }

    public void Delete(CollectionStore collection, RecordId id)
    {
        if (!collection.Delete(id.Value)) return;
        Log(MutationRecords.Delete(collection, id.Value));
    }

    /// <summary>Creates the index (building it over existing documents), or returns the identical existing one.</summary>
    public IndexStore CreateIndex(CollectionStore collection, IndexDefinition definition)
    {
        var index = collection.CreateIndex(definition, out var created);
        if (created) Log(MutationRecords.CreateIndex(collection, definition));
        return index;
    }

    /// <summary>collMod's index changes: a new expireAfterSeconds for a TTL index, and/or hiding it from the planner.</summary>
    public IndexDefinition ModifyIndex(CollectionStore collection, string name, int? expireAfterSeconds, bool? hidden)
    {
        var definition = collection.ModifyIndex(name, expireAfterSeconds, hidden);
        Log(MutationRecords.ModifyIndex(collection, name, expireAfterSeconds, hidden));
        return definition;
    }

    public void DropIndex(CollectionStore collection, string name)
    {
        collection.DropIndex(name);
        Log(MutationRecords.DropIndex(collection, name));
    }

    private void Log(BsonDocument record)
    {
        if (_log is not null) LastLsn = _log.Append(record);
    }

    private void LogDocument(string op, CollectionStore collection, StoredDocument stored)
    {
        if (_log is not null) LastLsn = _log.AppendDocument(op, collection.FullName, stored.Id.Value, stored.Bytes);
    }

    /// <summary>Puts <c>_id</c> first (adding one when missing); true when the document had to change.</summary>
    private static bool PrepareId(BsonDocument document, BsonValue? existingId)
    {
        var position = document.IndexOfName("_id");
        var changed = position != 0;
        if (position < 0)
        {
            document.InsertAt(0, new BsonElement("_id", existingId ?? ObjectId.GenerateNewId()));
        }
        else if (position > 0)
        {
            var id = document[position];
            document.RemoveAt(position);
            document.InsertAt(0, new BsonElement("_id", id));
        }

        var value = document[0];
        if (value.IsBsonArray) throw new MongoError(ErrorCode.InvalidIdField, "The '_id' value cannot be of type array");
        if (value.IsBsonRegularExpression) throw new MongoError(ErrorCode.InvalidIdField, "can't use a regex for _id");
        if (value.IsBsonUndefined) throw new MongoError(ErrorCode.InvalidIdField, "can't use a undefined for _id");
        return changed;
    }

    private static byte[] Serialize(BsonDocument document) => CheckSize(document.ToBson());

    private static byte[] CheckSize(byte[] bytes)
    {
        if (bytes.Length > CollectionStore.MaxDocumentSize)
            throw new MongoError(ErrorCode.BSONObjectTooLarge, $"object to insert too large. size in bytes: {bytes.Length}, max size: {CollectionStore.MaxDocumentSize}");
        return bytes;
    }
}
