using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// Databases and their collections. A database exists while it has a collection, as in MongoDB.
/// [NotThreadSafe] guarded by the engine lock; both live writes and journal replay change it through these methods.
/// </summary>
internal sealed class Catalog
{
    private readonly Dictionary<string, Dictionary<string, CollectionStore>> _databases = new(StringComparer.Ordinal);

    public IReadOnlyList<string> DatabaseNames => _databases.Keys.Order(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<CollectionStore> Collections(string database) =>
        _databases.TryGetValue(database, out var collections)
            ? collections.Values.OrderBy(collection => collection.Name, StringComparer.Ordinal).ToArray()
            : [];

    public IEnumerable<CollectionStore> AllCollections => _databases.Values.SelectMany(collections => collections.Values);

    public CollectionStore? Collection(string database, string name) =>
        _databases.TryGetValue(database, out var collections) && collections.TryGetValue(name, out var collection) ? collection : null;

    public CollectionStore CreateCollection(string database, string name, CollectionOptions options, Guid uuid)
    {
        if (Collection(database, name) is not null)
            throw new MongoError(ErrorCode.NamespaceExists, $"Collection {database}.{name} already exists.");
        var collection = new CollectionStore(database, name, options, uuid);
        Attach(collection);
        return collection;
    }

    public bool DropCollection(string database, string name)
    {
        if (!_databases.TryGetValue(database, out var collections) || !collections.Remove(name)) return false;
        if (collections.Count == 0) _databases.Remove(database);
        return true;
    }

    public bool DropDatabase(string database) => _databases.Remove(database);

    public void Rename(string database, string name, string targetDatabase, string targetName, bool dropTarget)
    {
        var source = Collection(database, name)
            ?? throw new MongoError(ErrorCode.NamespaceNotFound, "source namespace does not exist");
        if (database == targetDatabase && name == targetName)
            throw new MongoError(ErrorCode.IllegalOperation, "Can't rename a collection to itself");
        if (Collection(targetDatabase, targetName) is not null)
        {
            if (!dropTarget) throw new MongoError(ErrorCode.NamespaceExists, "target namespace exists");
            DropCollection(targetDatabase, targetName);
        }
        DropCollection(database, name);
        source.MoveTo(targetDatabase, targetName);
        Attach(source);
    }

    private void Attach(CollectionStore collection)
    {
        if (!_databases.TryGetValue(collection.Database, out var collections))
        {
            collections = new Dictionary<string, CollectionStore>(StringComparer.Ordinal);
            _databases.Add(collection.Database, collections);
        }
        collections.Add(collection.Name, collection);
    }
}
