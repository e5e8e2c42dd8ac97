using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>
/// The journal's record payloads, one BSON document per mutation: <c>{ lsn, op, ns, ... }</c>
/// (the journal adds <c>lsn</c>). Insert and replace records, <c>{ lsn, op, ns, rid, doc: BinData }</c>, are encoded by
/// <see cref="DocumentRecordCodec"/> straight from the stored bytes.
/// </summary>
internal static class MutationRecords
{
    public const string CreateCollectionOp = "createCollection";
    public const string DropCollectionOp = "dropCollection";
    public const string DropDatabaseOp = "dropDatabase";
    public const string RenameOp = "rename";
    public const string CollModOp = "collMod";
    public const string InsertOp = "insert";
    public const string ReplaceOp = "replace";
    public const string DeleteOp = "delete";
    public const string CreateIndexOp = "createIndex";
    public const string DropIndexOp = "dropIndex";
    public const string ModifyIndexOp = "modifyIndex";

    public static BsonDocument CreateCollection(CollectionStore collection) => new()
    {
        { "op", CreateCollectionOp },
        { "ns", collection.FullName },
        { "uuid", new BsonBinaryData(collection.Uuid, GuidRepresentation.Standard) },
        { "options", collection.Options.ToDocument() },
    };

    public static BsonDocument DropCollection(string database, string name) => new() { { "op", DropCollectionOp }, { "ns", database + "." + name } };

    public static BsonDocument DropDatabase(string database) => new() { { "op", DropDatabaseOp }, { "db", database } };

    public static BsonDocument Rename(string database, string name, string targetDatabase, string targetName, bool dropTarget) => new()
    {
        { "op", RenameOp },
        { "ns", database + "." + name },
        { "to", targetDatabase + "." + targetName },
        { "dropTarget", dropTarget },
    };

    public static BsonDocument CollMod(CollectionStore collection) => new()
    {
        { "op", CollModOp },
        { "ns", collection.FullName },
        { "options", collection.Options.ToDocument() },
    };

    public static BsonDocument Delete(CollectionStore collection, long recordId) => new()
    {
        { "op", DeleteOp },
        { "ns", collection.FullName },
        { "rid", recordId },
    };

    public static BsonDocument CreateIndex(CollectionStore collection, IndexDefinition definition) => new()
    {
        { "op", CreateIndexOp },
        { "ns", collection.FullName },
        { "spec", definition.ToSpec() },
    };

    public static BsonDocument ModifyIndex(CollectionStore collection, string name, int? expireAfterSeconds, bool? hidden)
    {
        var record = new BsonDocument { { "op", ModifyIndexOp }, { "ns", collection.FullName }, { "name", name } };
        if (expireAfterSeconds is { } seconds) record.Add("expireAfterSeconds", seconds);
        if (hidden is { } isHidden) record.Add("hidden", isHidden);
        return record;
    }

    public static BsonDocument DropIndex(CollectionStore collection, string name) => new()
    {
        { "op", DropIndexOp },
        { "ns", collection.FullName },
        { "name", name },
    };

    /// <summary>Splits <c>db.collection</c> at the first dot (database names cannot contain dots).</summary>
    public static (string Database, string Collection) SplitNamespace(string ns)
    {
        var dot = ns.IndexOf('.', StringComparison.Ordinal);
        return (ns[..dot], ns[(dot + 1)..]);
    }
}
