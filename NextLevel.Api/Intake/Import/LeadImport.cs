using System.Collections.Concurrent;

namespace NextLevel.Api.Intake.Import;

/// <summary>One row-level problem of a CSV import: the file's row number (the header is row 1), the column and why.</summary>
public sealed record ImportRowError(int Row, string Field, string Message);

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
    DateTime? CompletedAt);

/// <summary>
/// A CSV import in progress: the spooled file and its counters. [Thread-safe: counters are interlocked, the
/// error list is locked, so rows may be processed concurrently and the status read at any time.]
/// </summary>
internal sealed class LeadImport(string id, string filePath, long bytes, string actor, DateTime queuedAt)
{
    public const int MaxReportedErrors = 1000;

    private readonly List<ImportRowError> _errors = [];
    private int _rows, _created, _duplicates, _failed, _errorsTruncated;
    private long _bytesRead;
    private string _state = "queued";
    private DateTime? _startedAt, _completedAt;

    public string Id { get; } = id;
    public string FilePath { get; } = filePath;
    public string Actor { get; } = actor;

    public void Start(DateTime now) => (_state, _startedAt) = ("running", now);

    public void Finish(DateTime now, bool failed) => (_state, _completedAt) = (failed ? "failed" : "completed", now);

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

    public ImportStatus Status()
    {
        List<ImportRowError> errors;
        lock (_errors) errors = [.. _errors.OrderBy(e => e.Row)];
        var read = Interlocked.Read(ref _bytesRead);
        var progress = _state is "completed" ? 1.0 : bytes == 0 ? 0 : Math.Min(1.0, (double)read / bytes);
        return new ImportStatus(Id, _state, bytes, Math.Round(progress, 4), _rows, _created, _duplicates, _failed, errors, _errorsTruncated == 1, queuedAt, _startedAt, _completedAt);
    }
}

/// <summary>Imports this instance knows of, kept in memory while the process lives. [Singleton - thread-safe.]</summary>
internal sealed class LeadImportRegistry
{
    private readonly ConcurrentDictionary<string, LeadImport> _imports = new(StringComparer.Ordinal);

    public void Add(LeadImport import) => _imports[import.Id] = import;

    public LeadImport? Find(string id) => _imports.TryGetValue(id, out var import) ? import : null;
}
