using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using CsvHelper;
using NextLevel.Api.Intake.Canonical;
using NextLevel.Api.Intake.Pipeline;
using NextLevel.Domain.Leads.Normalization;

namespace NextLevel.Api.Intake.Import;

/// <summary>
/// Runs queued CSV imports one after another: reads the spooled file row by row with CsvHelper (never the
/// whole file), sends each row through the same normalisation and intake as POST /api/leads (up to
/// <see cref="RowsInFlight"/> rows at a time), counts created / duplicate / failed rows and deletes the file.
/// </summary>
internal sealed class LeadImportWorker(LeadIntakeService intake, TimeProvider time, ILogger<LeadImportWorker> logger) : BackgroundService
{
    private const int RowsInFlight = 8;
    private readonly Channel<LeadImport> _queue = Channel.CreateUnbounded<LeadImport>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(LeadImport import) => _queue.Writer.TryWrite(import);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var import in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            import.Start(time.GetUtcNow().UtcDateTime);
            var failed = false;
            try
            {
                await RunAsync(import, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed = true;
                IntakeLog.ImportFailed(logger, e, import.Id);
            }
            finally
            {
                import.Finish(time.GetUtcNow().UtcDateTime, failed);
                File.Delete(import.FilePath);
            }
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

    private async Task RunAsync(LeadImport import, CancellationToken cancellationToken)
    {
        var bytes = new FileInfo(import.FilePath).Length;
        await using var file = new FileStream(import.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using var csv = CsvReader.Create(file, Dialect, leaveOpen: false);
        await csv.ReadHeaderAsync(cancellationToken);
        var columns = csv.Headers.Select((name, index) => (name: name.Trim(), index))
            .GroupBy(c => CsvLeadColumns.All.First(k => string.Equals(k, c.name, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
        string? Field(string name) => columns.TryGetValue(name, out var index) && !csv.IsEmpty(index) ? csv.GetString(index) : null;

        var inFlight = new List<Task>(RowsInFlight);
        var context = new IntakeContext(null, null, import.Actor);
        while (await csv.ReadAsync(cancellationToken))
        {
            var rowNumber = (int)csv.RowNumber + 1; // the file's row: the header is row 1
            var errors = new List<ImportRowError>();
            var canonical = CsvLeadColumns.ToCanonical(Field, rowNumber, errors);
            canonical.ExternalId ??= "csv_" + Digest(csv.RawRecord);
            import.Advance(csv.ByteOffset);
            if (errors.Count > 0)
            {
                import.Fail(errors);
                continue;
            }
            if (inFlight.Count == RowsInFlight)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
            }
            inFlight.Add(ImportRowAsync(import, canonical, rowNumber, context, cancellationToken));
        }
        await Task.WhenAll(inFlight);
        import.Advance(bytes);
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
