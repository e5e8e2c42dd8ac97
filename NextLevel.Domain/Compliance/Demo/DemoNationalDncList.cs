using MongoDB.Driver;
using NextLevel.Domain.Configuration;

namespace NextLevel.Domain.Compliance.Demo;

/// <summary>
/// A demo copy of the national Do-Not-Call list for local development: 200 fictional numbers (NANP 555-0100 to
/// 555-0119 in ten area codes), shipped in the repository (<c>Compliance/Demo/demo-national-dnc.txt</c>), clearly
/// labelled and imported through the ordinary <see cref="DncImporter"/> with <see cref="ImportedBy"/> as its author.
/// The gate's 31-day rule is unchanged: it sees a national copy imported now, and who imported it stays on record.
/// A real import is never replaced: the demo copy is imported only when no national copy was ever imported, or when
/// the last one was the demo copy and is older than <see cref="RefreshAfter"/>.
/// </summary>
public static class DemoNationalDncList
{
    /// <summary>The author recorded for the demo copy (system_config compliance.dncImports and each entry's addedBy).</summary>
    public const string ImportedBy = "demo-data:local-development (not the FTC registry)";

    /// <summary>A demo copy older than this is imported again at the next start.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromDays(1);

    private const string ResourceName = "NextLevel.Domain.Compliance.Demo.demo-national-dnc.txt";

    /// <summary>The shipped file.</summary>
    public static Stream Open() =>
        typeof(DemoNationalDncList).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The demo national DNC list ({ResourceName}) is not embedded.");

    /// <summary>Imports the demo copy when it is due (see the class); null when a copy in force made it unnecessary.</summary>
    public static async Task<DncImportResult?> ImportIfDueAsync(IMongoDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        var (imports, _) = await new SystemConfigStore(database, time).GetAsync(ComplianceSettings.DncImports, cancellationToken);
        if (imports.National is { } national
            && (national.ImportedBy != ImportedBy || time.GetUtcNow().UtcDateTime - national.ImportedAt < RefreshAfter))
        {
            return null;
        }
        await using var file = Open();
        return await new DncImporter(database, time).ImportAsync(DncSource.National, null, file, ImportedBy, cancellationToken);
    }
}
