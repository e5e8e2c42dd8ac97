using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using CsvHelper;
using MongoDB.Driver;
using NextLevel.Api.Intake.Canonical;
using NextLevel.Api.Intake.Pipeline;
using NextLevel.Domain.Leads.Normalization;

namespace NextLevel.Api.Intake.Import;

/// <summary>
/// Runs stored CSV imports one after another: claims the oldest queued one (or one whose runner stopped) with a
/// lease, reads its file from GridFS row by row with CsvHelper (never the whole file), sends each row through the
/// same normalisation and intake as POST /api/leads (up to <see cref="RowsInFlight"/> rows at a time), and every
/// <see cref="CheckpointRows"/> rows or <see cref="CheckpointInterval"/> waits for the rows in flight and stores
/// the counters with the row they reach. A restarted or other instance resumes after that row: rows are
/// idempotent (source + externalId), so a row redone after a crash is never created twice.
/// </summary>
internal sealed class LeadImportWorker(
    LeadImportStore store, LeadImportRegistry registry, LeadIntakeService intake, TimeProvider time, ILogger<LeadImportWorker> logger) : BackgroundService
{
    private const int RowsInFlight = 8;
    private const int CheckpointRows = 500;
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private enum RunEnd { Finished, Stopped, LeaseLost }

    /// <summary>A new import was stored: look now rather than at the next poll.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (!stoppingToken.IsCancellationRequested && await store.ClaimNextAsync(_owner, Lease, stoppingToken) is { } record)
                    await RunOneAsync(record, stoppingToken);
                await Task.WhenAny(_wake.Reader.WaitToReadAsync(stoppingToken).AsTask(), Task.Delay(PollInterval, time, stoppingToken));
                _wake.Reader.TryRead(out _);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is MongoException or TimeoutException)
            {
                // The database is unavailable: claims and checkpoints are retried at the next poll.
                IntakeLog.ImportPollFailed(logger, e);
                try { await Task.Delay(PollInterval, time, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task RunOneAsync(LeadImportRecord record, CancellationToken stoppingToken)
    {
        // Started before this claim: its runner stopped (restart, crash) and this one resumes it.
        if (record.StartedAt < record.LeaseUntil - Lease) record.Progress.Resumed++;
        var import = new LeadImport(record);
        registry.Started(import);
        var end = RunEnd.Finished;
        var failed = false;
        try
        {
            end = await RunAsync(import, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failed = true;
            IntakeLog.ImportFailed(logger, e, import.Id);
        }
        finally
        {
            registry.Stopped(import);
        }
        if (end != RunEnd.Finished) return;
        if (await store.FinishAsync(record.Id, _owner, import.Checkpoint(int.MaxValue), failed, CancellationToken.None))
        {
            await store.DeleteFileAsync(record.FileId, CancellationToken.None);
            var (created, duplicates, failedRows) = import.Totals;
            IntakeLog.ImportFinished(logger, import.Id, created, duplicates, failedRows);
        }
    }

    /// <summary>The CSV dialect: comma-separated, header row, quoted fields per RFC 4180, blank lines skipped.</summary>
    internal static CsvReaderOptions Dialect { get; } = new()
    {
        Separator = ',',
        HasHeader = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        IncludeValuesInExceptions = false,
        MaxRecordSize = 1024 * 1024,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>
    /// Rows already in flight always finish (their intake is not cancelled half-way); on shutdown no new row is
    /// started, a last checkpoint is stored and the lease released so the next start resumes at once.
    /// </summary>
    private async Task<RunEnd> RunAsync(LeadImport import, CancellationToken stoppingToken)
    {
        var record = import.Record;
        var doneThrough = record.Progress.RowsDoneThrough;
        await using var file = await store.OpenAsync(record.FileId, CancellationToken.None);
        await using var csv = CsvReader.Create(file, Dialect, leaveOpen: false);
        await csv.ReadHeaderAsync(CancellationToken.None);
        var columns = csv.Headers.Select((name, index) => (name: name.Trim(), index))
            .GroupBy(c => CsvLeadColumns.All.First(k => string.Equals(k, c.name, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
        string? Field(string name) => columns.TryGetValue(name, out var index) && !csv.IsEmpty(index) ? csv.GetString(index) : null;

        var inFlight = new List<Task>(RowsInFlight);
        var context = new IntakeContext(null, null, record.Actor);
        var rowsSinceCheckpoint = 0;
        var lastCheckpoint = time.GetTimestamp();
        var lastRow = doneThrough;
        while (await csv.ReadAsync(CancellationToken.None))
        {
            var rowNumber = (int)csv.RowNumber + 1; // the file's row: the header is row 1
            if (rowNumber <= doneThrough) continue; // counted before the import was resumed
            lastRow = rowNumber;
            var errors = new List<ImportRowError>();
            var canonical = CsvLeadColumns.ToCanonical(Field, rowNumber, errors);
            canonical.ExternalId ??= "csv_" + Digest(csv.RawRecord);
            import.Advance(csv.ByteOffset);
            if (errors.Count > 0) import.Fail(errors);
            else
            {
                if (inFlight.Count == RowsInFlight) inFlight.Remove(await Task.WhenAny(inFlight));
                inFlight.Add(ImportRowAsync(import, canonical, rowNumber, context, CancellationToken.None));
            }

            var stopping = stoppingToken.IsCancellationRequested;
            if (stopping || ++rowsSinceCheckpoint >= CheckpointRows || time.GetElapsedTime(lastCheckpoint) >= CheckpointInterval)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
                if (!await store.CheckpointAsync(record.Id, _owner, import.Checkpoint(rowNumber), stopping ? TimeSpan.Zero : Lease, CancellationToken.None))
                    return RunEnd.LeaseLost;
                if (stopping) return RunEnd.Stopped;
                (rowsSinceCheckpoint, lastCheckpoint) = (0, time.GetTimestamp());
            }
        }
        await Task.WhenAll(inFlight);
        import.Advance(record.Bytes);
        return RunEnd.Finished;
    }

    private async Task ImportRowAsync(LeadImport import, CanonicalLead canonical, int rowNumber, IntakeContext context, CancellationToken cancellationToken)
    {
        var fieldErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var submission = CanonicalLeadMapper.ToSubmission(canonical, time.GetUtcNow().UtcDateTime, fieldErrors);
        var normalized = submission is null ? null : LeadNormalizer.Normalize(submission);
        if (normalized is not { IsValid: true })
        {
            var errors = normalized?.Errors ?? fieldErrors;
            import.Fail(errors.SelectMany(e => e.Value.Select(m => new ImportRowError(rowNumber, CsvField(e.Key), m))));
            return;
        }
        var result = await intake.IngestAsync(normalized.Lead!, context, cancellationToken);
        if (result.Duplicate) import.Duplicate();
        else import.Created();
    }

    /// <summary>The CSV column a canonical field error belongs to ("address.state" → "state", "consent.text" → "consentText").</summary>
    internal static string CsvField(string key) => key switch
    {
        "intent.type" => "intent",
        "property.type" => "propertyType",
        "consent" or "consent.text" => "consentText",
        _ when key.StartsWith("consent.", StringComparison.Ordinal) => "consent" + char.ToUpperInvariant(key[8]) + key[9..],
        _ when key.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 => key[(dot + 1)..],
        _ => key,
    };

    /// <summary>A row without externalId gets one from its content, so importing the same file twice creates nothing twice.</summary>
    private static string Digest(ReadOnlySpan<byte> rawRecord) => Convert.ToHexStringLower(SHA256.HashData(rawRecord))[..32];
}
