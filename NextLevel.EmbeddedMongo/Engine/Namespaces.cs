namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>Full namespaces ("db.collection") as renameCollection names them; name rules live in Storage.NamespaceRules.</summary>
internal static class Namespaces
{
    public static (string Database, string Collection) Split(string fullName)
    {
        var dot = fullName.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == fullName.Length - 1)
            throw new MongoError(ErrorCode.InvalidNamespace, $"Invalid namespace specified '{fullName}'");
        var (database, collection) = (fullName[..dot], fullName[(dot + 1)..]);
        Storage.NamespaceRules.ValidateCollection(database, collection);
        return (database, collection);
    }
}
