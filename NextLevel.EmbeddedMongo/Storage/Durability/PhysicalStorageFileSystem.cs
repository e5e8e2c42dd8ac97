using System.Runtime.InteropServices;

namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>The real file system. [Singleton - ThreadSafe]</summary>
public sealed partial class PhysicalStorageFileSystem : IStorageFileSystem
{
    public static readonly PhysicalStorageFileSystem Instance = new();

    private const int ReadOnlyFlag = 0;

    private PhysicalStorageFileSystem() { }

    public Stream OpenAppend(string path) =>
        new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);

    public Stream Create(string path) =>
        new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);

    public Stream OpenRead(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);

    public void FlushToDisk(Stream stream)
    {
        if (stream is FileStream file) file.Flush(flushToDisk: true);
        else stream.Flush();
    }

    public void Truncate(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        file.SetLength(length);
        file.Flush(flushToDisk: true);
    }

    public void Move(string source, string destination) => File.Move(source, destination, overwrite: true);

    public void Delete(string path) => File.Delete(path);

    public IReadOnlyList<string> ListFiles(string directory, string searchPattern) =>
        Directory.GetFiles(directory, searchPattern);

    public void SyncDirectory(string directory)
    {
        // Windows has no directory fsync (NTFS journals metadata); elsewhere fsync the directory itself.
        if (OperatingSystem.IsWindows()) return;
        var descriptor = Open(directory, ReadOnlyFlag);
        if (descriptor < 0) throw new IOException($"Cannot open directory {directory} to sync it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(descriptor) != 0) throw new IOException($"Cannot sync directory {directory} (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
