using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>MongoDB's rules for database and collection names (InvalidNamespace, code 73).</summary>
internal static class NamespaceRules
{
    private const int MaxDatabaseNameLength = 63;
    private const int MaxNamespaceLength = 255;
    private static readonly char[] InvalidDatabaseCharacters = ['/', '\\', '.', ' ', '"', '$', '*', '<', '>', ':', '|', '?', '\0'];

    public static void ValidateDatabase(string database)
    {
        if (database.Length == 0 || database.Length > MaxDatabaseNameLength || database.IndexOfAny(InvalidDatabaseCharacters) >= 0)
            throw new MongoError(ErrorCode.InvalidNamespace, $"Invalid database name: '{database}'");
    }

    public static void ValidateCollection(string database, string collection)
    {
        ValidateDatabase(database);
        if (collection.Length == 0 || collection.Contains('$', StringComparison.Ordinal) || collection.Contains('\0', StringComparison.Ordinal)
            || collection.StartsWith('.') || database.Length + 1 + collection.Length > MaxNamespaceLength)
            throw new MongoError(ErrorCode.InvalidNamespace, $"Invalid collection name: {collection}");
    }
}
