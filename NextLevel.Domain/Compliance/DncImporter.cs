using MongoDB.Driver;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance;

/// <summary>What a registry import did.</summary>
/// <param name="Lines">Non-empty lines read.</param>
/// <param name="Accepted">Lines holding a valid number (duplicates included).</param>
/// <param name="Rejected">Lines that were not a phone number (headers, garbage).</param>
/// <param name="Inserted">Numbers new to the list.</param>
/// <param name="Ended">Numbers of the previous copy absent from this one, now ended (kept as evidence).</param>
public sealed record DncImportResult(string Source, string? State, DateTimeOffset ImportedAt, long Lines, long Accepted, long Rejected, long Inserted, long Ended);

/// <summary>Raised when an import file holds no valid number; nothing is changed then.</summary>
public sealed class DncImportEmptyException() : Exception("The file holds no valid phone number; the list was left unchanged.");

/// <summary>
/// Imports a copy of the national or a state Do-Not-Call list: one number per line, streamed, normalised to
/// E.164, upserted in unordered bulk writes of <see cref="BatchSize"/>. When the whole file is in, numbers of the
/// previous copy that this one lacks are ended (never deleted), and the import date is recorded in system_config
/// (<see cref="ComplianceSettings.DncImports"/>), which the gate's 31-day rule reads. Memory stays flat for
/// any file size (10 million numbers is ~120 MB of text).
/// </summary>
public sealed class DncImporter(IMongoDatabase database, TimeProvider time)
{
    public const int BatchSize = 5000;

    private readonly IMongoCollection<DncEntry> _entries = database.GetCollection<DncEntry>(CollectionNames.DncRegistry);
    private readonly SystemConfigStore _settings = new(database, time);

    public async Task<DncImportResult> ImportAsync(DncSource source, string? state, Stream content, string importedBy, CancellationToken cancellationToken)
    {
        if (source is not (DncSource.National or DncSource.State or DncSource.Litigator))
            throw new ArgumentOutOfRangeException(nameof(source), "Only registry lists are imported; the internal list is kept one number at a time.");
        if (source == DncSource.State && (state is null || !Data.States.IsKnown(state)))
            throw new ArgumentException("A state list needs its two-letter state.", nameof(state));
        if (source != DncSource.State) state = null;

        var importedAt = time.GetUtcNow();
        var stamp = importedAt.UtcDateTime;
        long lines = 0, accepted = 0, rejected = 0, inserted = 0;
        var batch = new Dictionary<string, WriteModel<DncEntry>>(BatchSize, StringComparer.Ordinal);
        var reason = source == DncSource.State ? $"{state} state Do-Not-Call list" : $"{StoredEnum.Name(source)} Do-Not-Call registry";

        using (var reader = new StreamReader(content, leaveOpen: true))
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.AsSpan().Trim().IsEmpty) continue;
                lines++;
                if (!PhoneNumbers.TryNormalise(line, out var phone)) { rejected++; continue; }
                accepted++;
                batch.TryAdd(phone, Upsert(phone, source, state, stamp, importedBy, reason));
                if (batch.Count >= BatchSize) inserted += await FlushAsync(batch, cancellationToken);
            }
        }
        if (accepted == 0) throw new DncImportEmptyException();
        inserted += await FlushAsync(batch, cancellationToken);

        var ended = await _entries.UpdateManyAsync(
            e => e.Source == source && e.State == state && e.ExpiresAt == null && (e.LastImportedAt == null || e.LastImportedAt < stamp),
            Builders<DncEntry>.Update.Set(e => e.ExpiresAt, stamp),
            cancellationToken: cancellationToken);
        var inForce = await _entries.CountDocumentsAsync(e => e.Source == source && e.State == state && e.ExpiresAt == null, cancellationToken: cancellationToken);
        await RecordImportAsync(source, state, new DncListImport(stamp, inForce, rejected, importedBy), cancellationToken);
        return new DncImportResult(StoredEnum.Name(source), state, importedAt, lines, accepted, rejected, inserted, ended.ModifiedCount);
    }

    private static UpdateOneModel<DncEntry> Upsert(string phone, DncSource source, string? state, DateTime stamp, string importedBy, string reason) =>
        new(
            Builders<DncEntry>.Filter.Where(e => e.Phone == phone && e.Source == source),
            Builders<DncEntry>.Update
                .Set(e => e.LastImportedAt, stamp)
                .Set(e => e.ExpiresAt, null)
                .Set(e => e.State, state)
                .SetOnInsert(e => e.AddedAt, stamp)
                .SetOnInsert(e => e.AddedBy, importedBy)
                .SetOnInsert(e => e.Reason, reason))
        { IsUpsert = true };

    private async Task<long> FlushAsync(Dictionary<string, WriteModel<DncEntry>> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return 0;
        var result = await _entries.BulkWriteAsync(batch.Values, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        batch.Clear();
        return result.Upserts.Count;
    }

    private async Task RecordImportAsync(DncSource source, string? state, DncListImport import, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (current, version) = await _settings.GetAsync(ComplianceSettings.DncImports, cancellationToken);
            var states = new Dictionary<string, DncListImport>(current.States ?? [], StringComparer.Ordinal);
            var national = current.National;
            if (source == DncSource.National) national = import;
            else states[state ?? StoredEnum.Name(source)] = import;
            try
            {
                await _settings.SetAsync(ComplianceSettings.DncImports, new DncImportsSetting(national, states), version, import.ImportedBy, cancellationToken);
                return;
            }
            catch (SettingConflictException) when (attempt < 5)
            {
                // Another import recorded itself meanwhile: read again and reapply.
            }
        }
    }
}
