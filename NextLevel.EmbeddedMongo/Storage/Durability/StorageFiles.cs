using System.Globalization;

namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>Names of the files in the data directory.</summary>
internal static class StorageFiles
{
    public const string LockFileName = "mongod.lock";
    public const string JournalPattern = "journal-*.log";
    public const string CheckpointPattern = "checkpoint-*.snapshot";
    public const string TemporaryPattern = "*.tmp";

    public static string Journal(string directory, long generation) =>
        Path.Combine(directory, $"journal-{generation.ToString("D10", CultureInfo.InvariantCulture)}.log");

    public static string Checkpoint(string directory, long lsn) =>
        Path.Combine(directory, $"checkpoint-{lsn.ToString("D20", CultureInfo.InvariantCulture)}.snapshot");

    /// <summary>The number in <c>journal-N.log</c> or <c>checkpoint-N.snapshot</c>; null for foreign files.</summary>
    public static long? SequenceOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash >= 0 && long.TryParse(name.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    public static IReadOnlyList<(long Sequence, string Path)> Numbered(IStorageFileSystem fileSystem, string directory, string pattern) =>
        fileSystem.ListFiles(directory, pattern)
            .Select(path => (Sequence: SequenceOf(path), Path: path))
            .Where(file => file.Sequence is not null)
            .Select(file => (file.Sequence!.Value, file.Path))
            .OrderBy(file => file.Value)
            .ToArray();
}
