using MongoDB.Driver;
using NextLevel.Domain.Persistence.Catalogue;

namespace NextLevel.Api.Persistence;

/// <summary>
/// Applies the collection catalogue (collections, indexes, validators) when the Api starts, before it takes
/// requests. Idempotent, so every instance may run it; a changed index definition is applied here.
/// </summary>
internal sealed partial class CatalogueInitializer(IMongoDatabase database, ILogger<CatalogueInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await new CatalogueMigrator(database).ApplyAsync(cancellationToken);
        if (report.IsNoOp) LogUpToDate(logger);
        else LogApplied(logger, report.CreatedCollections.Count, report.CreatedIndexes.Count, report.ReplacedIndexes.Count, report.UpdatedValidators.Count, report.SealedConsentEntries);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection catalogue up to date")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection catalogue applied: {Collections} collections created, {Indexes} indexes created, {Replaced} indexes replaced, {Validators} validators updated, {SealedEntries} consent_logs entries sealed into ledger chains")]
    private static partial void LogApplied(ILogger logger, int collections, int indexes, int replaced, int validators, long sealedEntries);
}
