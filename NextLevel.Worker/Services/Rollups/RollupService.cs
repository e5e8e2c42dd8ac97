using Microsoft.Extensions.Options;
using NextLevel.Worker.Services.Startup;

namespace NextLevel.Worker.Services.Rollups;

/// <summary>
/// Recomputes every campaign's metrics, the agent's metrics and the gauges every <see cref="RollupOptions.Interval"/>,
/// and in between, every <see cref="RollupOptions.EventInterval"/>, the campaigns whose calls changed (webhook
/// outcomes, new calls), so the dashboard follows events closely.
/// </summary>
public sealed partial class RollupService(CampaignMetricsRollup campaigns, OperationsRollup operations, WorkerStartup startup, IOptions<RollupOptions> options, TimeProvider time, ILogger<RollupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.WaitAsync(stoppingToken);
        var lastFull = DateTimeOffset.MinValue;
        var lastEvents = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            try
            {
                if (now - lastFull >= options.Value.Interval)
                {
                    await campaigns.RecomputeAllAsync(stoppingToken);
                    var snapshot = await operations.RecomputeAsync(stoppingToken);
                    if (snapshot.AbandonedCallRate > 0.03) LogAbandonedOverLimit(snapshot.AbandonedCallRate);
                    if (snapshot.DaysSinceNationalDncImport is null or > 31) LogDncStale(snapshot.DaysSinceNationalDncImport);
                    lastFull = now;
                }
                else
                {
                    foreach (var id in await campaigns.TouchedSinceAsync(lastEvents, stoppingToken))
                        await campaigns.RecomputeAsync(id, stoppingToken);
                    await operations.RecomputeAsync(stoppingToken);
                }
                lastEvents = now;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
            try { await Task.Delay(options.Value.EventInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abandoned-call rate {Rate:P1} is over the 3% limit")]
    private partial void LogAbandonedOverLimit(double rate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The national DNC copy is {Days} days old (limit 31; none = never imported): calls and texts are blocked until a fresh import")]
    private partial void LogDncStale(double? days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A rollup pass failed; retrying at the next interval")]
    private partial void LogFailed(Exception ex);
}
