namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// Read access to the catalog (valid only inside Read/WriteAsync callbacks: whatever the callback returns
/// must not keep walking collections after the lock is released, so materialise results inside it).
/// </summary>
public class StorageReader
{
    private protected StorageReader(Catalog catalog)
    {
        Catalog = catalog;
    }

    public IReadOnlyList<string> DatabaseNames => Catalog.DatabaseNames;

    private protected Catalog Catalog { get; }

    public IReadOnlyList<CollectionStore> Collections(string database) => Catalog.Collections(database);

    public CollectionStore? Collection(string database, string name) => Catalog.Collection(database, name);

    internal static StorageReader For(Catalog catalog) => new(catalog);
}
