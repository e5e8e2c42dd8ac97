using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Storage;

// CONTRACT SKELETON (owned by the Storage part, which replaces these bodies). Signatures are the agreed API.

/// <summary>Where and how the engine keeps its data.</summary>
public sealed class StorageOptions
{
    /// <summary>Directory for journal and checkpoints; null keeps everything in memory (tests).</summary>
    public string? DataDirectory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan TtlMonitorInterval { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// The catalog of databases, collections and indexes, with a journal for durability.
/// [Singleton - ThreadSafe] Reads run under a shared lock, writes under an exclusive lock;
/// WriteAsync completes only when the write is durable on disk.
/// </summary>
public sealed class StorageEngine : IAsyncDisposable
{
    public static Task<StorageEngine> OpenAsync(StorageOptions options, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public T Read<T>(Func<StorageReader, T> read) => throw new NotImplementedException();

    public Task<T> WriteAsync<T>(Func<StorageWriter, T> write, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task CheckpointAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => throw new NotImplementedException();
}

/// <summary>Read access to the catalog (valid only inside Read/WriteAsync callbacks).</summary>
public class StorageReader
{
    public IReadOnlyList<string> DatabaseNames => throw new NotImplementedException();

    public IReadOnlyList<CollectionStore> Collections(string database) => throw new NotImplementedException();

    public CollectionStore? Collection(string database, string name) => throw new NotImplementedException();
}

/// <summary>Write access; every mutation is journaled. Throws MongoError without applying a failing mutation.</summary>
public sealed class StorageWriter : StorageReader
{
    public CollectionStore CreateCollection(string database, string name, CollectionOptions options) => throw new NotImplementedException();

    public CollectionStore GetOrCreateCollection(string database, string name) => throw new NotImplementedException();

    public bool DropCollection(string database, string name) => throw new NotImplementedException();

    public bool DropDatabase(string database) => throw new NotImplementedException();

    public void RenameCollection(string database, string name, string targetDatabase, string targetName, bool dropTarget) => throw new NotImplementedException();

    public void SetCollectionOptions(CollectionStore collection, CollectionOptions options) => throw new NotImplementedException();

    public RecordId Insert(CollectionStore collection, BsonDocument document) => throw new NotImplementedException();

    public void Replace(CollectionStore collection, RecordId id, BsonDocument document) => throw new NotImplementedException();

    public void Delete(CollectionStore collection, RecordId id) => throw new NotImplementedException();

    public IndexStore CreateIndex(CollectionStore collection, IndexDefinition definition) => throw new NotImplementedException();

    public void DropIndex(CollectionStore collection, string name) => throw new NotImplementedException();
}

public readonly record struct RecordId(long Value);

/// <summary>A stored document: its BSON bytes, deserialised on demand (each call gives a fresh, mutable copy).</summary>
public sealed class StoredDocument(RecordId id, byte[] bytes)
{
    public RecordId Id { get; } = id;

    public byte[] Bytes { get; } = bytes;

    public BsonDocument ToBsonDocument() => throw new NotImplementedException();
}

/// <summary>One collection: documents by record id plus its indexes (always including _id_).</summary>
public sealed class CollectionStore
{
    public string Database => throw new NotImplementedException();

    public string Name => throw new NotImplementedException();

    public CollectionOptions Options => throw new NotImplementedException();

    public long Count => throw new NotImplementedException();

    public long DataSize => throw new NotImplementedException();

    public IReadOnlyList<IndexStore> Indexes => throw new NotImplementedException();

    public IEnumerable<StoredDocument> Scan() => throw new NotImplementedException();

    public StoredDocument? Get(RecordId id) => throw new NotImplementedException();
}

/// <summary>create/collMod options: validator, validationLevel (off|strict|moderate), validationAction (error|warn).</summary>
public sealed class CollectionOptions
{
    public BsonDocument? Validator { get; init; }

    public string ValidationLevel { get; init; } = "strict";

    public string ValidationAction { get; init; } = "error";
}

/// <summary>An index as createIndexes describes it and listIndexes lists it.</summary>
public sealed class IndexDefinition
{
    public required string Name { get; init; }

    public required BsonDocument Key { get; init; }

    public bool Unique { get; init; }

    public bool Sparse { get; init; }

    public BsonDocument? PartialFilterExpression { get; init; }

    public int? ExpireAfterSeconds { get; init; }

    /// <summary>Parses one createIndexes spec; throws MongoError (BadValue, CannotCreateIndex 67, ...).</summary>
    public static IndexDefinition FromSpec(BsonDocument spec) => throw new NotImplementedException();

    /// <summary>The document listIndexes returns: <c>{ v: 2, key, name, unique?, ... }</c>.</summary>
    public BsonDocument ToListIndexesDocument() => throw new NotImplementedException();
}

public sealed class IndexStore
{
    public IndexDefinition Definition => throw new NotImplementedException();
}
