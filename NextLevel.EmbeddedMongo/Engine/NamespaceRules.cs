namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>MongoDB's rules for database and collection names.</summary>
internal static class NamespaceRules
{
    public static void ValidateCollectionName(string database, string collection)
    {
        if (collection.Length == 0 || collection.Contains('\0', StringComparison.Ordinal))
            throw new MongoError(ErrorCode.InvalidNamespace, $"Invalid namespace specified '{database}.{collection}'");
        if (collection.Contains('$', StringComparison.Ordinal))
            throw new MongoError(ErrorCode.InvalidNamespace, $"Invalid collection name: {collection}");
    }

    public static void ValidateDatabaseName(string database)
    {
        if (database.Length == 0 || database.IndexOfAny(['/', '\\', '.', ' ', '"', '$', '\0']) >= 0 || database.Length >= 64)
            throw new MongoError(ErrorCode.InvalidNamespace, $"Invalid database name: '{database}'");
    }

    /// <summary>Splits "db.collection" (as renameCollection and getMore name namespaces).</summary>
    public static (string Database, string Collection) Split(string fullName)
    {
        var dot = fullName.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == fullName.Length - 1)
            throw new MongoError(ErrorCode.InvalidNamespace, $"Invalid namespace specified '{fullName}'");
        return (fullName[..dot], fullName[(dot + 1)..]);
    }
}
