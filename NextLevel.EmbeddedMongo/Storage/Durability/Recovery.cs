using System.Diagnostics;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>What recovery rebuilt, and where the journal continues.</summary>
/// <param name="CheckpointGeneration">The first journal generation the loaded checkpoint needs (0 without a checkpoint).</param>
internal sealed record RecoveredState(Catalog Catalog, long CheckpointLsn, long CheckpointGeneration, long LastLsn, long NextGeneration);

/// <summary>
/// Rebuilds the catalog on open: loads the newest valid checkpoint (falling back to the previous one, which is kept
/// with its journal generations for exactly this case), then replays journal records with a higher LSN in order. Replay stops at the first torn record (a crash mid-write): the file is truncated there and any later
/// journal file is removed, since nothing after a gap may be applied. Sequential reads only, no fsync per record,
/// and indexes are rebuilt in bulk at the end.
/// </summary>
internal static class Recovery
{
    private const int BufferSize = 1024 * 1024;

    public static RecoveredState Run(IStorageFileSystem fileSystem, string directory, Action<string>? log)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var leftover in fileSystem.ListFiles(directory, StorageFiles.TemporaryPattern)) fileSystem.Delete(leftover);

        var (catalog, checkpointLsn, checkpointGeneration) = LoadNewestCheckpoint(fileSystem, directory, log);
        var replayer = new MutationReplayer(catalog);
        replayer.TouchAll(catalog.AllCollections);
        var lastLsn = checkpointLsn;
        long replayed = 0;
        var journals = StorageFiles.Numbered(fileSystem, directory, StorageFiles.JournalPattern);
        var nextGeneration = journals.Count == 0 ? 1 : journals[^1].Sequence + 1;

        for (var i = 0; i < journals.Count; i++)
        {
            var (generation, path) = journals[i];
            // Generations before the checkpoint's hold only records it already contains (kept as a fallback).
            if (generation < checkpointGeneration) continue;
            var (complete, applied, empty) = ReplayJournal(fileSystem, path, replayer, ref lastLsn, log);
            replayed += applied;
            // Each start opens a new generation; one that never received a record is removed so they do not pile up.
            if (empty) fileSystem.Delete(path);
            if (complete) continue;
            for (var later = i + 1; later < journals.Count; later++)
            {
                log?.Invoke($"Recovery: removing {Path.GetFileName(journals[later].Path)}, which follows a torn journal record.");
                fileSystem.Delete(journals[later].Path);
            }
            break;
        }

        replayer.RebuildTouchedIndexes();
        log?.Invoke($"Recovery: checkpoint at LSN {checkpointLsn}, {replayed} journal records replayed, last LSN {lastLsn}, in {stopwatch.ElapsedMilliseconds} ms.");
        return new RecoveredState(catalog, checkpointLsn, checkpointGeneration, lastLsn, nextGeneration);
    }

    private static (Catalog Catalog, long Lsn, long JournalGeneration) LoadNewestCheckpoint(IStorageFileSystem fileSystem, string directory, Action<string>? log)
    {
        var checkpoints = StorageFiles.Numbered(fileSystem, directory, StorageFiles.CheckpointPattern);
        for (var i = checkpoints.Count - 1; i >= 0; i--)
        {
            try
            {
                return CheckpointReader.Load(fileSystem, checkpoints[i].Path);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or KeyNotFoundException or InvalidCastException or EndOfStreamException)
            {
                log?.Invoke($"Recovery: ignoring unreadable checkpoint {Path.GetFileName(checkpoints[i].Path)}: {ex.Message}");
            }
        }
        return (new Catalog(), 0, 0);
    }

    /// <summary>Replays one journal file; returns false (after truncating it) when it ends in a torn record.</summary>
    private static (bool Complete, long Applied, bool Empty) ReplayJournal(IStorageFileSystem fileSystem, string path, MutationReplayer replayer, ref long lastLsn, Action<string>? log)
    {
        long applied = 0;
        long length;
        long tornAt;
        using (var file = fileSystem.OpenRead(path))
        {
            length = file.Length;
            using var buffered = new BufferedStream(file, BufferSize);
            var reader = new FrameReader(buffered);
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var status = reader.ReadInto(ref buffer, out var payloadLength);
                if (status == FrameStatus.EndOfFile) return (true, applied, length == 0);
                if (status != FrameStatus.Record)
                {
                    tornAt = reader.Position;
                    break;
                }
                var payload = buffer.AsSpan(0, payloadLength);
                long lsn = 0;
                try
                {
                    // Inserts, replaces and deletes (nearly the whole journal) skip the general document decoding.
                    if (DocumentRecordCodec.TryDecode(payload, out var documentRecord))
                    {
                        lsn = documentRecord.Lsn;
                        if (lsn <= lastLsn) continue;
                        replayer.Apply(documentRecord, payload);
                    }
                    else
                    {
                        var record = TryDeserialize(payload.ToArray());
                        if (record is null)
                        {
                            tornAt = reader.Position;
                            break;
                        }
                        lsn = record["lsn"].ToInt64();
                        if (lsn <= lastLsn) continue;
                        replayer.Apply(record);
                    }
                }
                catch (Exception ex) when (ex is InvalidDataException or Engine.MongoError or KeyNotFoundException or InvalidCastException or InvalidOperationException)
                {
                    // A record that does not fit the recovered state cannot be trusted, nor can anything after it.
                    log?.Invoke($"Recovery: journal record LSN {lsn} in {Path.GetFileName(path)} cannot be applied ({ex.Message}).");
                    tornAt = reader.Position - RecordFraming.HeaderSize - payloadLength;
                    break;
                }
                lastLsn = lsn;
                applied++;
            }
        }
        log?.Invoke($"Recovery: {Path.GetFileName(path)} is cut at offset {tornAt} (torn or unusable record); discarding {length - tornAt} bytes.");
        fileSystem.Truncate(path, tornAt);
        return (false, applied, false);
    }

    private static BsonDocument? TryDeserialize(byte[] payload)
    {
        try
        {
            var record = BsonSerializer.Deserialize<BsonDocument>(payload);
            return record.Contains("lsn") && record.Contains("op") ? record : null;
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or IOException)
        {
            return null;
        }
    }
}
