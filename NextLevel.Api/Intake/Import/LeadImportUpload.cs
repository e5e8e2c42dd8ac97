using CsvHelper;
using Microsoft.Extensions.Options;
using MongoDB.Bson;

namespace NextLevel.Api.Intake.Import;

/// <summary>
/// Receives a CSV upload: streams the body into GridFS (refusing more than MaxImportBytes), checks the header row,
/// and stores the import's record. Only then is the upload acknowledged, so a restart resumes it. The request
/// never holds the file in memory.
/// </summary>
internal sealed class LeadImportUpload(LeadImportStore store, LeadImportWorker worker, IOptions<IntakeOptions> options, TimeProvider time)
{
    public long MaxBytes => options.Value.MaxImportBytes;

    public async Task<UploadResult> AcceptAsync(Stream body, string actor, CancellationToken cancellationToken)
    {
        if (await store.UploadAsync(body, MaxBytes, cancellationToken) is not var (fileId, bytes)) return new UploadResult(null, TooLarge: true, null);
        try
        {
            var headerError = await CheckHeaderAsync(fileId, cancellationToken);
            if (headerError is not null)
            {
                await store.DeleteFileAsync(fileId, CancellationToken.None);
                return new UploadResult(null, false, headerError);
            }
            var record = new LeadImportRecord { Id = ObjectId.GenerateNewId(), FileId = fileId, Bytes = bytes, Actor = actor, QueuedAt = time.GetUtcNow().UtcDateTime };
            await store.InsertAsync(record, cancellationToken);
            worker.Wake();
            return new UploadResult(record, false, null);
        }
        catch
        {
            await store.DeleteFileAsync(fileId, CancellationToken.None);
            throw;
        }
    }

    private async Task<Dictionary<string, string[]>?> CheckHeaderAsync(ObjectId fileId, CancellationToken cancellationToken)
    {
        await using var file = await store.OpenAsync(fileId, cancellationToken);
        await using var csv = CsvReader.Create(file, LeadImportWorker.Dialect, leaveOpen: true);
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

internal sealed record UploadResult(LeadImportRecord? Import, bool TooLarge, Dictionary<string, string[]>? Errors);
