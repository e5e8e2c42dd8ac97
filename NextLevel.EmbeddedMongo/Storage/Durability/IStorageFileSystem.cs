namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>
/// The file operations the journal and checkpoints use. The engine uses <see cref="PhysicalStorageFileSystem"/>;
/// tests substitute an implementation whose streams tear writes, to check recovery.
/// </summary>
public interface IStorageFileSystem
{
    /// <summary>Opens for appending (created when missing), positioned at the end.</summary>
    Stream OpenAppend(string path);

    /// <summary>Creates or truncates a file for writing.</summary>
    Stream Create(string path);

    Stream OpenRead(string path);

    /// <summary>Makes everything written to the stream durable (fsync).</summary>
    void FlushToDisk(Stream stream);

    void Truncate(string path, long length);

    /// <summary>Renames atomically, replacing an existing destination.</summary>
    void Move(string source, string destination);

    void Delete(string path);

    IReadOnlyList<string> ListFiles(string directory, string searchPattern);

    /// <summary>Makes renames, creations and deletions in the directory durable.</summary>
    void SyncDirectory(string directory);
}
