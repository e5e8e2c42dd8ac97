using System.Collections.Concurrent;
using MongoDB.Bson.Serialization.Attributes;

namespace NextLevel.Api.Intake.Import;

/// <summary>One row-level problem of a CSV import: the file's row number (the header is row 1), the column and why.</summary>
public sealed record ImportRowError(
    [property: BsonElement("row")] int Row,
    [property: BsonElement("field")] string Field,
    [property: BsonElement("message")] string Message);

/// <summary>What <c>GET /api/leads/import/{id}</c> shows.</summary>
public sealed record ImportStatus(
    string Id,
    string State,
    long Bytes,
    double Progress,
    int RowsProcessed,
    int Created,
    int Duplicates,
    int Failed,
    IReadOnlyList<ImportRowError> Errors,
    bool ErrorsTruncated,
    DateTime QueuedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    int Resumed)
{
    internal static ImportStatus From(LeadImportRecord record)
    {
        var p = record.Progress;
        var progress = record.State == LeadImportStates.Completed ? 1.0 : record.Bytes == 0 ? 0 : Math.Min(1.0, (double)p.BytesRead / record.Bytes);
        return new ImportStatus(record.Id.ToString(), record.State, record.Bytes, Math.Round(progress, 4), p.Rows, p.Created, p.Duplicates, p.Failed,
            [.. p.Errors.OrderBy(e => e.Row)], p.ErrorsTruncated, record.QueuedAt, record.StartedAt, record.CompletedAt, p.Resumed);
    }
}

/// <summary>
/// A CSV import being run by this instance: its stored record plus live counters. [Thread-safe: counters are
/// interlocked, the error list is locked, so rows may be processed concurrently and the status read at any time.]
/// </summary>
internal sealed class LeadImport
{
    public const int MaxReportedErrors = 1000;

    private readonly LeadImportRecord _record;
    private readonly List<ImportRowError> _errors;
    private int _rows, _created, _duplicates, _failed, _errorsTruncated;
    private long _bytesRead;

    /// <summary>Continues from the record's last checkpoint (all zero for a new import).</summary>
    public LeadImport(LeadImportRecord record)
    {
        _record = record;
        var p = record.Progress;
        (_rows, _created, _duplicates, _failed, _bytesRead) = (p.Rows, p.Created, p.Duplicates, p.Failed, p.BytesRead);
        _errors = [.. p.Errors];
        _errorsTruncated = p.ErrorsTruncated ? 1 : 0;
    }

    public LeadImportRecord Record => _record;

    public string Id => _record.Id.ToString();

    public void Advance(long bytesRead) => Interlocked.Exchange(ref _bytesRead, bytesRead);

    public void Created() { Interlocked.Increment(ref _rows); Interlocked.Increment(ref _created); }

    public void Duplicate() { Interlocked.Increment(ref _rows); Interlocked.Increment(ref _duplicates); }

    public void Fail(IEnumerable<ImportRowError> errors)
    {
        Interlocked.Increment(ref _rows);
        Interlocked.Increment(ref _failed);
        lock (_errors)
        {
            foreach (var error in errors)
            {
                if (_errors.Count < MaxReportedErrors) _errors.Add(error);
                else _errorsTruncated = 1;
            }
        }
    }

    public (int Created, int Duplicates, int Failed) Totals => (_created, _duplicates, _failed);

    /// <summary>The counters as a checkpoint; only meaningful when no row after <paramref name="rowsDoneThrough"/> has been counted.</summary>
    public LeadImportProgress Checkpoint(int rowsDoneThrough)
    {
        lock (_errors)
        {
            return new LeadImportProgress
            {
                RowsDoneThrough = rowsDoneThrough,
                BytesRead = Interlocked.Read(ref _bytesRead),
                Rows = _rows,
                Created = _created,
                Duplicates = _duplicates,
                Failed = _failed,
                Errors = [.. _errors],
                ErrorsTruncated = _errorsTruncated == 1,
                Resumed = _record.Progress.Resumed,
            };
        }
    }

    /// <summary>The live status while this instance runs the import.</summary>
    public ImportStatus Status()
    {
        var live = new LeadImportRecord
        {
            Id = _record.Id, Bytes = _record.Bytes, State = LeadImportStates.Running, QueuedAt = _record.QueuedAt, StartedAt = _record.StartedAt,
            Progress = Checkpoint(0),
        };
        return ImportStatus.From(live);
    }
}

/// <summary>Imports this instance is running right now, for a live status between checkpoints. [Singleton - thread-safe.]</summary>
internal sealed class LeadImportRegistry
{
    private readonly ConcurrentDictionary<string, LeadImport> _running = new(StringComparer.Ordinal);

    public void Started(LeadImport import) => _running[import.Id] = import;

    public void Stopped(LeadImport import) => _running.TryRemove(import.Id, out _);

    public LeadImport? Running(string id) => _running.TryGetValue(id, out var import) ? import : null;
}
