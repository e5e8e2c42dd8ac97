using System.Buffers;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>
/// The write-ahead journal with group commit. Writers append records (under the engine's write lock, so file order
/// is LSN order) into an in-memory buffer; one flusher task repeatedly takes everything pending, writes it with a
/// single write and fsync, and then releases all writers waiting for LSNs up to what it wrote.
/// A checkpoint rotates to a new journal generation at an exact LSN boundary.
/// [Singleton - ThreadSafe] Append is called under the engine write lock; the rest from any thread.
/// </summary>
internal sealed class Journal : IMutationLog, IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly IStorageFileSystem _fileSystem;
    private readonly string _directory;
    private readonly Action<string>? _log;
    private readonly long _largeJournalBytes;
    private readonly Action _onLargeJournal;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly List<(long Lsn, TaskCompletionSource Done)> _waiters = [];
    private readonly Task _flusher;

    private ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private ArrayBufferWriter<byte> _spare = new(64 * 1024);
    private long _lastAssignedLsn;
    private long _durableLsn;
    private bool _wakeRequested;
    private bool _stopping;
    private Exception? _failure;
    private Rotation? _rotation;
    private Stream _file;
    private long _fileBytes;

    public Journal(IStorageFileSystem fileSystem, string directory, long generation, long lastLsn, long largeJournalBytes, Action onLargeJournal, Action<string>? log)
    {
        _fileSystem = fileSystem;
        _directory = directory;
        _log = log;
        _largeJournalBytes = largeJournalBytes;
        _onLargeJournal = onLargeJournal;
        _lastAssignedLsn = lastLsn;
        _durableLsn = lastLsn;
        Generation = generation;
        _file = OpenGeneration(generation);
        _flusher = Task.Run(FlushLoopAsync);
    }

    /// <summary>The generation new records go to.</summary>
    public long Generation { get; private set; }

    /// <summary>The LSN of the last appended record (durable or not).</summary>
    public long LastAssignedLsn
    {
        get
        {
            lock (_gate) return _lastAssignedLsn;
        }
    }

    public long Append(BsonDocument record)
    {
        lock (_gate)
        {
            var lsn = ++_lastAssignedLsn;
            record.InsertAt(0, new BsonElement("lsn", lsn));
            var payload = record.ToBson();
            var span = _pending.GetSpan(RecordFraming.HeaderSize + payload.Length);
            RecordFraming.WriteHeader(span, payload);
            payload.CopyTo(span[RecordFraming.HeaderSize..]);
            _pending.Advance(RecordFraming.HeaderSize + payload.Length);
            return lsn;
        }
    }

    public long AppendDocument(string op, string ns, long recordId, byte[] document)
    {
        lock (_gate)
        {
            var lsn = ++_lastAssignedLsn;
            var length = DocumentRecordCodec.Length(op, ns, document);
            var span = _pending.GetSpan(RecordFraming.HeaderSize + length);
            var payload = span.Slice(RecordFraming.HeaderSize, length);
            DocumentRecordCodec.Write(payload, lsn, op, ns, recordId, document);
            RecordFraming.WriteHeader(span, payload);
            _pending.Advance(RecordFraming.HeaderSize + length);
            return lsn;
        }
    }

    /// <summary>Throws once a journal write has failed: later mutations could never become durable.</summary>
    public void ThrowIfFailed()
    {
        lock (_gate)
        {
            if (_failure is not null) throw new IOException("The journal cannot be written; no further writes are accepted.", _failure);
        }
    }

    /// <summary>Completes once every record up to <paramref name="lsn"/> is on disk.</summary>
    public Task WaitDurableAsync(long lsn, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_failure is not null) return Task.FromException(new IOException("The journal cannot be written; the write was not made durable.", _failure));
            if (_durableLsn >= lsn) return Task.CompletedTask;
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((lsn, done));
            WakeFlusherLocked();
        }
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Starts a new generation: records appended after this call go to it. Call while no record can be appended
    /// (under the engine lock). Completes when the previous generation is fully written and closed.
    /// </summary>
    public Task RotateAsync()
    {
        lock (_gate)
        {
            if (_rotation is not null) throw new InvalidOperationException("A journal rotation is already pending.");
            Generation++;
            _rotation = new Rotation(_pending.WrittenCount, Generation, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            WakeFlusherLocked();
            return _rotation.Done.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stopping = true;
            WakeFlusherLocked();
        }
        await _flusher;
        await _file.DisposeAsync();
        _wake.Dispose();
    }

    private void WakeFlusherLocked()
    {
        if (_wakeRequested) return;
        _wakeRequested = true;
        _wake.Release();
    }

    private async Task FlushLoopAsync()
    {
        while (true)
        {
            await _wake.WaitAsync();
            ArrayBufferWriter<byte> batch;
            long upTo;
            Rotation? rotation;
            bool stop;
            lock (_gate)
            {
                _wakeRequested = false;
                batch = _pending;
                _pending = _spare;
                upTo = _lastAssignedLsn;
                rotation = _rotation;
                _rotation = null;
                stop = _stopping;
            }

            try
            {
                if (_failure is null) await WriteBatchAsync(batch.WrittenMemory, rotation);
                else rotation?.Done.TrySetException(_failure);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException)
            {
                _log?.Invoke($"Journal write failed; later writes will fail: {ex.Message}");
                rotation?.Done.TrySetException(ex);
                lock (_gate) _failure = ex;
            }

            List<TaskCompletionSource> released = [];
            lock (_gate)
            {
                batch.Clear();
                _spare = batch;
                if (_failure is null) _durableLsn = Math.Max(_durableLsn, upTo);
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_failure is null && _waiters[i].Lsn > _durableLsn) continue;
                    released.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
                if (_pending.WrittenCount > 0 && _waiters.Count > 0) WakeFlusherLocked();
            }
            foreach (var done in released)
            {
                if (_failure is null) done.TrySetResult();
                else done.TrySetException(new IOException("The journal cannot be written; the write was not made durable.", _failure));
            }

            if (_failure is null && _fileBytes > _largeJournalBytes) _onLargeJournal();
            if (stop)
            {
                lock (_gate)
                {
                    if (_pending.WrittenCount == 0 && _rotation is null) return;
                    WakeFlusherLocked();
                }
            }
        }
    }

    private async Task WriteBatchAsync(ReadOnlyMemory<byte> batch, Rotation? rotation)
    {
        if (rotation is null)
        {
            await WriteAndSyncAsync(batch);
            return;
        }
        await WriteAndSyncAsync(batch[..rotation.Offset]);
        await _file.DisposeAsync();
        _file = OpenGeneration(rotation.Generation);
        _fileBytes = 0;
        rotation.Done.TrySetResult();
        await WriteAndSyncAsync(batch[rotation.Offset..]);
    }

    private async Task WriteAndSyncAsync(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        await _file.WriteAsync(bytes);
        _fileSystem.FlushToDisk(_file);
        _fileBytes += bytes.Length;
    }

    private Stream OpenGeneration(long generation)
    {
        var stream = _fileSystem.OpenAppend(StorageFiles.Journal(_directory, generation));
        _fileSystem.SyncDirectory(_directory);
        return stream;
    }

    private sealed record Rotation(int Offset, long Generation, TaskCompletionSource Done);
}
