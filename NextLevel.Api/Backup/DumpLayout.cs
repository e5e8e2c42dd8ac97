namespace NextLevel.Api.Backup;

/// <summary>
/// mongodump's directory layout: <c>&lt;dir&gt;/&lt;database&gt;/&lt;collection&gt;.bson</c> (the documents, back to back)
/// and <c>&lt;collection&gt;.metadata.json</c> (options, indexes, uuid) in canonical Extended JSON, so mongorestore
/// reads what we write and we read what mongodump writes.
/// </summary>
internal static class DumpLayout
{
    public const string DataExtension = ".bson";
    public const string MetadataExtension = ".metadata.json";

    public static string DatabaseDirectory(string root, string database) => Path.Combine(root, database);

    /// <summary>The folder holding the .bson files: <c>&lt;root&gt;/&lt;database&gt;</c> when present (mongodump --out), else root itself.</summary>
    public static string FindDataDirectory(string root, string database)
    {
        var nested = DatabaseDirectory(root, database);
        if (Directory.Exists(nested)) return nested;
        if (Directory.EnumerateFiles(root, "*" + DataExtension).Any()) return root;
        var candidates = Directory.EnumerateDirectories(root).Where(d => Directory.EnumerateFiles(d, "*" + DataExtension).Any()).ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw new DirectoryNotFoundException($"No mongodump data for '{database}' under {root} (expected {nested}/<collection>.bson).");
    }
}
