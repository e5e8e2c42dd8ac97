using NextLevel.EmbeddedMongo.Storage.Durability;

namespace NextLevel.EmbeddedMongo.Tests.Storage;

/// <summary>
/// A real file system whose next write can be torn: only its first bytes reach the file, then the write fails,
/// as if the process died mid-write. Every later write fails too.
/// </summary>
internal sealed class TearingFileSystem : IStorageFileSystem
{
    private readonly IStorageFileSystem _inner = PhysicalStorageFileSystem.Instance;

    /// <summary>When set, the next write keeps only this many bytes and fails.</summary>
    public int? TearNextWriteAfter { get; set; }

    public bool Torn { get; private set; }

    public Stream OpenAppend(string path) => new TearingStream(this, _inner.OpenAppend(path));

    public Stream Create(string path) => new TearingStream(this, _inner.Create(path));

    public Stream OpenRead(string path) => _inner.OpenRead(path);

    public void FlushToDisk(Stream stream)
    {
        if (Torn) throw new IOException("simulated crash");
        _inner.FlushToDisk(((TearingStream)stream).Inner);
    }

    public void Truncate(string path, long length) => _inner.Truncate(path, length);

    public void Move(string source, string destination) => _inner.Move(source, destination);

    public void Delete(string path) => _inner.Delete(path);

    public IReadOnlyList<string> ListFiles(string directory, string searchPattern) => _inner.ListFiles(directory, searchPattern);

    public void SyncDirectory(string directory) => _inner.SyncDirectory(directory);

    private sealed class TearingStream(TearingFileSystem owner, Stream inner) : Stream
    {
        public Stream Inner => inner;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (owner.Torn) throw new IOException("simulated crash");
            if (owner.TearNextWriteAfter is { } keep)
            {
                inner.Write(buffer, offset, Math.Min(keep, count));
                inner.Flush();
                owner.Torn = true;
                throw new IOException("simulated crash mid-write");
            }
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
