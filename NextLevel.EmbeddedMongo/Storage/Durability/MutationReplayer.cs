using MongoDB.Bson;
using static NextLevel.EmbeddedMongo.Storage.Durability.MutationRecords;

namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>
/// Re-applies journal records to a catalog during recovery. Documents change without index maintenance;
/// every touched collection's indexes (and those of every collection loaded from the checkpoint) are built in bulk
/// by <see cref="RebuildTouchedIndexes"/> at the end,
/// which is what makes replaying a large journal fast.
/// [NotThreadSafe] recovery runs before the engine is shared.
/// </summary>
internal sealed class MutationReplayer(Catalog catalog)
{
    private readonly HashSet<CollectionStore> _touched = [];

    public void Apply(BsonDocument record)
    {
        var op = record["op"].AsString;
        switch (op)
        {
            case CreateCollectionOp:
            {
                var (database, name) = SplitNamespace(record["ns"].AsString);
                var uuid = record["uuid"].AsBsonBinaryData.ToGuid(GuidRepresentation.Standard);
                catalog.CreateCollection(database, name, CollectionOptions.FromDocument(record["options"].AsBsonDocument), uuid);
                break;
            }
            case DropCollectionOp:
            {
                var (database, name) = SplitNamespace(record["ns"].AsString);
                var collection = catalog.Collection(database, name);
                if (collection is not null) _touched.Remove(collection);
                catalog.DropCollection(database, name);
                break;
            }
            case DropDatabaseOp:
                foreach (var collection in catalog.Collections(record["db"].AsString)) _touched.Remove(collection);
                catalog.DropDatabase(record["db"].AsString);
                break;
            case RenameOp:
            {
                var (database, name) = SplitNamespace(record["ns"].AsString);
                var (targetDatabase, targetName) = SplitNamespace(record["to"].AsString);
                var target = catalog.Collection(targetDatabase, targetName);
                if (target is not null) _touched.Remove(target);
                catalog.Rename(database, name, targetDatabase, targetName, record["dropTarget"].AsBoolean);
                break;
            }
            case CollModOp:
                Target(record).SetOptions(CollectionOptions.FromDocument(record["options"].AsBsonDocument));
                break;
            case InsertOp:
                Touch(record).LoadDocument(new StoredDocument(new RecordId(record["rid"].AsInt64), record["doc"].AsByteArray));
                break;
            case ReplaceOp:
                Touch(record).ReplaceUnindexed(new StoredDocument(new RecordId(record["rid"].AsInt64), record["doc"].AsByteArray));
                break;
            case DeleteOp:
                Touch(record).DeleteUnindexed(record["rid"].AsInt64);
                break;
            case CreateIndexOp:
                Touch(record).AddIndexUnbuilt(IndexDefinition.FromSpec(record["spec"].AsBsonDocument));
                break;
            case ModifyIndexOp:
                Target(record).ModifyIndex(
                    record["name"].AsString,
                    record.TryGetValue("expireAfterSeconds", out var seconds) ? seconds.ToInt32() : null,
                    record.TryGetValue("hidden", out var hidden) ? hidden.ToBoolean() : null);
                break;
            case DropIndexOp:
                Target(record).DropIndex(record["name"].AsString);
                break;
            default:
                throw new InvalidDataException($"Unknown journal operation '{op}'.");
        }
    }

    /// <summary>Applies an insert, replace or delete record decoded by <see cref="DocumentRecordCodec"/> from <paramref name="payload"/>.</summary>
    public void Apply(DocumentRecord record, ReadOnlySpan<byte> payload)
    {
        var collection = Touch(record.Ns, record.Lsn);
        switch (record.Op)
        {
            case InsertOp:
                collection.LoadDocument(new StoredDocument(new RecordId(record.RecordId), payload.Slice(record.DocumentOffset, record.DocumentLength).ToArray()));
                break;
            case ReplaceOp:
                collection.ReplaceUnindexed(new StoredDocument(new RecordId(record.RecordId), payload.Slice(record.DocumentOffset, record.DocumentLength).ToArray()));
                break;
            case DeleteOp:
                collection.DeleteUnindexed(record.RecordId);
                break;
            default:
                throw new InvalidDataException($"Journal operation '{record.Op}' carries no document.");
        }
    }

    /// <summary>Marks collections loaded without their index entries (from a checkpoint) for the final build.</summary>
    public void TouchAll(IEnumerable<CollectionStore> collections)
    {
        foreach (var collection in collections) _touched.Add(collection);
    }

    /// <summary>Rebuilds the indexes of every collection loaded or changed during recovery, each once; collections side by side.</summary>
    public void RebuildTouchedIndexes()
    {
        Parallel.ForEach(_touched, collection => collection.RebuildIndexes());
        _touched.Clear();
    }

    private CollectionStore Target(BsonDocument record)
    {
        var (database, name) = SplitNamespace(record["ns"].AsString);
        return catalog.Collection(database, name)
            ?? throw new InvalidDataException($"Journal record {record["lsn"]} refers to a missing collection.");
    }

    private CollectionStore Touch(BsonDocument record)
    {
        var collection = Target(record);
        _touched.Add(collection);
        return collection;
    }

    private CollectionStore Touch(string ns, long lsn)
    {
        var (database, name) = SplitNamespace(ns);
        var collection = catalog.Collection(database, name) ?? throw new InvalidDataException($"Journal record {lsn} refers to a missing collection.");
        _touched.Add(collection);
        return collection;
    }
}
