using CsvHelper;
using Microsoft.Extensions.Options;
using MongoDB.Bson;

namespace NextLevel.Api.Intake.Import;

/// <summary>
/// Receives a CSV upload: streams the body to a spool file (refusing more than MaxImportBytes), checks the
/// header row, and queues the import. The request never holds the file in memory.
/// </summary>
internal sealed class LeadImportUpload(LeadImportRegistry registry, LeadImportWorker worker, IOptions<IntakeOptions> options, TimeProvider time)
{
    public long MaxBytes => options.Value.MaxImportBytes;

    public async Task<UploadResult> AcceptAsync(Stream body, string actor, CancellationToken cancellationToken)
    {
        var directory = options.Value.ImportDirectory ?? Path.Combine(Path.GetTempPath(), "nextlevel-imports");
        Directory.CreateDirectory(directory);
        var id = ObjectId.GenerateNewId().ToString();
        var path = Path.Combine(directory, id + ".csv");
        long bytes;
        try
        {
            bytes = await SpoolAsync(body, path, cancellationToken);
            if (bytes < 0)
            {
                File.Delete(path);
                return new UploadResult(null, TooLarge: true, null);
            }
            var headerError = await CheckHeaderAsync(path, cancellationToken);
            if (headerError is not null)
            {
                File.Delete(path);
                return new UploadResult(null, false, headerError);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        var import = new LeadImport(id, path, bytes, actor, time.GetUtcNow().UtcDateTime);
        registry.Add(import);
        worker.Enqueue(import);
        return new UploadResult(import, false, null);
    }

    /// <summary>Copies the body to the file; -1 when it exceeds the limit.</summary>
    private async Task<long> SpoolAsync(Stream body, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        var buffer = new byte[64 * 1024];
        long total = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxBytes) return -1;
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return -1;
        }
        return total;
    }

    private static async Task<Dictionary<string, string[]>?> CheckHeaderAsync(string path, CancellationToken cancellationToken)
    {
        await using var csv = CsvReader.FromFile(path, LeadImportWorker.Dialect);
        await csv.ReadHeaderAsync(cancellationToken);
        var header = csv.Headers.ToList();
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
            return new() { ["file"] = ["The file is empty: the first row must name the columns."] };
        var unknown = CsvLeadColumns.Unknown(header);
        if (unknown.Count > 0)
            return new() { ["columns"] = [$"Unknown columns: {string.Join(", ", unknown.Take(10))}. Known: {string.Join(", ", CsvLeadColumns.All)}."] };
        if (!header.Any(h => h.Trim().Equals("phone", StringComparison.OrdinalIgnoreCase) || h.Trim().Equals("email", StringComparison.OrdinalIgnoreCase)))
            return new() { ["columns"] = ["A phone or an email column is required."] };
        var duplicated = header.GroupBy(h => h.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicated.Count > 0)
            return new() { ["columns"] = [$"Columns named twice: {string.Join(", ", duplicated)}."] };
        return null;
    }
}

internal sealed record UploadResult(LeadImport? Import, bool TooLarge, Dictionary<string, string[]>? Errors);
