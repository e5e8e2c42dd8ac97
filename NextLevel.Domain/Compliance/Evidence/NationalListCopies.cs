using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance.Evidence;

/// <summary>
/// Every imported copy of the national Do-Not-Call list that the settings history still holds: the current value of
/// <c>compliance.dncImports</c> plus each previous value kept by <see cref="SystemConfigStore"/>. The copy in use at a
/// given moment is the latest one imported at or before it.
/// </summary>
public sealed class NationalListCopies(IReadOnlyList<EvidenceListCopy> copies)
{
    public IReadOnlyList<EvidenceListCopy> Copies { get; } = copies;

    public static async Task<NationalListCopies> ReadAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var entry = await database.GetCollection<SystemConfigEntry>(CollectionNames.SystemConfig)
            .Find(e => e.Key == ComplianceSettings.DncImports.Key).FirstOrDefaultAsync(cancellationToken);
        if (entry is null) return new NationalListCopies([]);
        var values = entry.History.Select(h => h.PreviousValue).Append(entry.Value);
        var copies = new Dictionary<DateTime, EvidenceListCopy>();
        foreach (var value in values)
        {
            var national = BsonSerializer.Deserialize<DncImportsSetting>(value).National;
            if (national is null) continue;
            copies[national.ImportedAt] = new EvidenceListCopy(national.ImportedAt, national.Numbers, national.Rejected, national.ImportedBy);
        }
        return new NationalListCopies([.. copies.Values.OrderBy(c => c.ImportedAt)]);
    }

    /// <summary>The copy in use at <paramref name="at"/> (the latest imported at or before it), or null when none was.</summary>
    public EvidenceListCopy? InUseAt(DateTime at) => Copies.LastOrDefault(c => c.ImportedAt <= at);

    /// <summary>Days between the import of the copy in use and <paramref name="at"/>, rounded to a hundredth.</summary>
    public double? AgeDaysAt(DateTime at) => InUseAt(at) is { } copy ? Math.Round((at - copy.ImportedAt).TotalDays, 2) : null;
}
