using System.Runtime.ExceptionServices;
using NextLevel.EmbeddedMongo.Indexes;
using NextLevel.EmbeddedMongo.Storage.Durability;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// The catalog of databases, collections and indexes, with a journal for durability.
/// [Singleton - ThreadSafe] Concurrency contract:
/// <list type="bullet">
/// <item><see cref="Read{T}"/> runs its callback under the shared (read) lock; many readers run at once.</item>
/// <item><see cref="WriteAsync{T}"/> runs its callback under the exclusive (write) lock, so each callback, and every
/// single-document mutation in it, is atomic with respect to readers and other writers. Each mutation is appended to
/// the journal buffer, in order, while the lock is held; after the lock is released the call awaits the group commit
/// that makes its last record durable (one flusher writes and fsyncs for all waiting writers). Memory-only engines
/// (no DataDirectory) skip the journal.</item>
/// <item>Callbacks are synchronous (never await inside) and must not let lazy enumerations of collections escape:
/// materialise what you return. Read may nest inside Read or WriteAsync callbacks; WriteAsync must not be called
/// from a callback.</item>
/// </list>
/// </summary>
public sealed partial class StorageEngine : IAsyncDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);
    private readonly Catalog _catalog;
    private readonly StorageReader _reader;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TtlMonitor _ttlMonitor;
    private readonly Task _ttlLoop;
    private int _disposed;

    private StorageEngine(StorageOptions options, Catalog catalog, DataDirectoryLock? directoryLock, RecoveredState? recovered, string? directory)
    {
        Options = options;
        _catalog = catalog;
        _reader = StorageReader.For(catalog);
        _directoryLock = directoryLock;
        _directory = directory;
        if (recovered is not null)
        {
            _lastCheckpointLsn = recovered.CheckpointLsn;
            _lastCheckpointGeneration = recovered.CheckpointGeneration;
            _journal = new Journal(options.FileSystem, directory!, recovered.NextGeneration, recovered.LastLsn, options.CheckpointJournalBytes,
                () => TryStartCheckpoint(), options.Log);
            _checkpointLoop = RunCheckpointLoopAsync(_stopping.Token);
        }
        _ttlMonitor = new TtlMonitor(this, options.Time, options.Log);
        _ttlLoop = _ttlMonitor.RunAsync(options.TtlMonitorInterval, _stopping.Token);
    }

    public StorageOptions Options { get; }

    /// <summary>Removes expired documents of TTL indexes (runs every <see cref="StorageOptions.TtlMonitorInterval"/>).</summary>
    internal TtlMonitor TtlMonitor => _ttlMonitor;

    /// <summary>
    /// Opens the engine. With a DataDirectory: locks <c>mongod.lock</c> (failing with
    /// <see cref="DataDirectoryInUseException"/> when another instance holds it), then recovers the newest checkpoint
    /// and replays the journal.
    /// </summary>
    public static async Task<StorageEngine> OpenAsync(StorageOptions options, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (options.DataDirectory is null) return new StorageEngine(options, new Catalog(), null, null, null);

        var directory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(directory);
        var directoryLock = DataDirectoryLock.Acquire(directory);
        try
        {
            var recovered = await Task.Run(() => Recovery.Run(options.FileSystem, directory, options.Log), cancellationToken);
            return new StorageEngine(options, recovered.Catalog, directoryLock, recovered, directory);
        }
        catch
        {
            directoryLock.Dispose();
            throw;
        }
    }

    public T Read<T>(Func<StorageReader, T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read(_reader);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public async Task<T> WriteAsync<T>(Func<StorageWriter, T> write, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _journal?.ThrowIfFailed();
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        long lastLsn;
        _lock.EnterWriteLock();
        try
        {
            var writer = new StorageWriter(_catalog, _journal);
            try
            {
                result = write(writer);
            }
            catch (Exception ex)
            {
                // Mutations applied before the failure stay applied (as in MongoDB); they are made durable first.
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            lastLsn = writer.LastLsn;
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        if (_journal is not null && lastLsn > 0) await _journal.WaitDurableAsync(lastLsn, cancellationToken);
        failure?.Throw();
        return result;
    }

    /// <summary>Stops background work, writes a final checkpoint (fast next start), closes the journal and releases the lock file.</summary>
    public ValueTask DisposeAsync() => CloseAsync(writeCheckpoint: true);

    /// <summary>Closes like a crash would leave the directory: no final checkpoint, the journal alone carries the data (recovery tests).</summary>
    internal ValueTask DisposeWithoutCheckpointAsync() => CloseAsync(writeCheckpoint: false);

    private async ValueTask CloseAsync(bool writeCheckpoint)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stopping.CancelAsync();
        await _ttlLoop;
        if (_checkpointLoop is not null) await _checkpointLoop;
        if (_journal is not null)
        {
            if (writeCheckpoint)
            {
                try
                {
                    await CheckpointAsync(CancellationToken.None);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Options.Log?.Invoke($"Final checkpoint failed; the journal still holds every durable write: {ex.Message}");
                }
            }
            else
            {
                // Let a background checkpoint finish so that no file is written after the lock is released.
                await _checkpointGate.WaitAsync();
                _checkpointGate.Release();
            }
            await _journal.DisposeAsync();
        }
        _directoryLock?.Dispose();
        _stopping.Dispose();
        _lock.Dispose();
    }
}
