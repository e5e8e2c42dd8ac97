using MongoDB.Driver;
using NextLevel.Domain.Leads.Computed;
using NextLevel.Domain.Persistence.Catalogue;

namespace NextLevel.Api.Persistence;

/// <summary>
/// Applies the collection catalogue (collections, indexes, validators) when the Api starts, before it takes
/// requests. Idempotent, so every instance may run it; a changed index definition is applied here. Then the data
/// migrations (Leads/Computed/FirstContactBackfill), idempotent too.
/// </summary>
internal sealed partial class CatalogueInitializer(IMongoDatabase database, ILogger<CatalogueInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await new CatalogueMigrator(database).ApplyAsync(cancellationToken);
        if (report.IsNoOp) LogUpToDate(logger);
        else LogApplied(logger, report.CreatedCollections.Count, report.CreatedIndexes.Count, report.ReplacedIndexes.Count, report.UpdatedValidators.Count, report.SealedConsentEntries);
        // Data migrations, after the indexes they walk.
        var backfilled = await new FirstContactBackfill(database).ApplyAsync(cancellationToken);
        if (backfilled > 0) LogFirstContactBackfilled(logger, backfilled);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Computed firstContactAt backfilled on {Leads} leads")]
    private static partial void LogFirstContactBackfilled(ILogger logger, long leads);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection catalogue up to date")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection catalogue applied: {Collections} collections created, {Indexes} indexes created, {Replaced} indexes replaced, {Validators} validators updated, {SealedEntries} consent_logs entries sealed into ledger chains")]
    private static partial void LogApplied(ILogger logger, int collections, int indexes, int replaced, int validators, long sealedEntries);
}
