using NextLevel.EmbeddedMongo.Storage.Durability;

namespace NextLevel.EmbeddedMongo.Storage;

/// <summary>Checkpoints: periodic, on a large journal, on demand and at shutdown.</summary>
public sealed partial class StorageEngine
{
    private readonly Journal? _journal;
    private readonly DataDirectoryLock? _directoryLock;

    /// <summary>The full path of the data directory; null in memory mode.</summary>
    private readonly string? _directory;
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);
    private readonly Task? _checkpointLoop;
    private long _lastCheckpointLsn;
    private long _lastCheckpointGeneration;

    /// <summary>
    /// Writes a checkpoint of the whole catalog. The previous checkpoint and the journal generations after it are kept
    /// as a fallback (recovery uses them if the newest checkpoint is unreadable); anything older is deleted.
    /// The catalog is captured under the read lock (reference copies only); the file is written afterwards, so
    /// writers are blocked only for the capture. Waits for a checkpoint already running. No-op in memory mode.
    /// </summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        if (_journal is null) return;
        await _checkpointGate.WaitAsync(cancellationToken);
        try
        {
            await WriteCheckpointAsync(cancellationToken);
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    /// <summary>Starts a checkpoint in the background unless one is already running; false when skipped.</summary>
    public bool TryStartCheckpoint()
    {
        if (_journal is null || Volatile.Read(ref _disposed) != 0 || !_checkpointGate.Wait(0)) return false;
        _ = Task.Run(async () =>
        {
            try
            {
                await WriteCheckpointAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Options.Log?.Invoke($"Checkpoint failed; the journal still holds every durable write: {ex.Message}");
            }
            finally
            {
                _checkpointGate.Release();
            }
        });
        return true;
    }

    private async Task WriteCheckpointAsync(CancellationToken cancellationToken)
    {
        var journal = _journal!;
        var directory = _directory!;
        CheckpointImage image;
        Task rotated;
        long generation;

        // Under the read lock no record can be appended, so the image is exactly the state at this LSN and the
        // rotation puts every later record in the new generation.
        _lock.EnterReadLock();
        try
        {
            var lsn = journal.LastAssignedLsn;
            if (lsn == Interlocked.Read(ref _lastCheckpointLsn)) return;
            rotated = journal.RotateAsync();
            generation = journal.Generation;
            image = CheckpointImage.Capture(_catalog, lsn, generation);
        }
        finally
        {
            _lock.ExitReadLock();
        }

        await journal.WaitDurableAsync(image.Lsn, cancellationToken);
        var path = await CheckpointWriter.WriteAsync(Options.FileSystem, directory, image, cancellationToken);
        await rotated;
        var (fallbackLsn, fallbackGeneration) = (Interlocked.Read(ref _lastCheckpointLsn), _lastCheckpointGeneration);
        Interlocked.Exchange(ref _lastCheckpointLsn, image.Lsn);
        _lastCheckpointGeneration = generation;

        foreach (var (journalGeneration, journalPath) in StorageFiles.Numbered(Options.FileSystem, directory, StorageFiles.JournalPattern))
        {
            if (journalGeneration < fallbackGeneration) Options.FileSystem.Delete(journalPath);
        }
        foreach (var (checkpointLsn, checkpointPath) in StorageFiles.Numbered(Options.FileSystem, directory, StorageFiles.CheckpointPattern))
        {
            if (checkpointLsn < fallbackLsn) Options.FileSystem.Delete(checkpointPath);
        }
        Options.FileSystem.SyncDirectory(directory);
        Options.Log?.Invoke($"Checkpoint at LSN {image.Lsn} written to {Path.GetFileName(path)}.");
    }

    private async Task RunCheckpointLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Options.CheckpointInterval, Options.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping)) TryStartCheckpoint();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutdown: DisposeAsync writes the final checkpoint.
        }
    }
}
