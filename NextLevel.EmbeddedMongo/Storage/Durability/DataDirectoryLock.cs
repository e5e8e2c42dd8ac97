namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>Thrown when another process (or engine) already holds the data directory's lock file.</summary>
public sealed class DataDirectoryInUseException(string directory, Exception inner)
    : IOException($"Another NextLevel.EmbeddedMongo instance is using {directory}", inner)
{
    public string Directory { get; } = directory;
}

/// <summary>
/// Holds <c>mongod.lock</c> open with no sharing for the engine's lifetime, so a second engine on the same
/// directory fails fast instead of corrupting the journal. [NotThreadSafe] owned by the engine.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file)
    {
        _file = file;
    }

    public static DataDirectoryLock Acquire(string directory)
    {
        var path = Path.Combine(directory, StorageFiles.LockFileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new DataDirectoryInUseException(directory, ex);
        }
        try
        {
            file.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
            file.Write(pid);
            file.Flush();
        }
        catch
        {
            file.Dispose();
            throw;
        }
        return new DataDirectoryLock(file);
    }

    public void Dispose()
    {
        // An empty lock file marks a clean shutdown, as mongod leaves it.
        _file.SetLength(0);
        _file.Dispose();
    }
}
