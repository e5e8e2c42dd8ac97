using Microsoft.Extensions.Options;
using NextLevel.Worker.Services.Startup;

namespace NextLevel.Worker.Services.Ledger;

/// <summary>Runs <see cref="LedgerAnchorJob"/> every <see cref="LedgerAnchorOptions.Interval"/>.</summary>
public sealed partial class LedgerAnchorService(LedgerAnchorJob job, WorkerStartup startup, IOptions<LedgerAnchorOptions> options, TimeProvider time, ILogger<LedgerAnchorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.WaitAsync(stoppingToken);
        try { await Task.Delay(options.Value.InitialDelay, time, stoppingToken); }
        catch (OperationCanceledException) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var run = await job.RunAsync(stoppingToken);
                if (run.Written) LogAnchored(run.Day, run.ChainsChanged, run.ChainCount, run.RootHash);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
            try { await Task.Delay(options.Value.Interval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent ledger anchored for {Day}: {Changed} chains changed, {Chains} chains, root {RootHash}")]
    private partial void LogAnchored(DateOnly day, int changed, long chains, string rootHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consent ledger anchor failed; the next run retries")]
    private partial void LogFailed(Exception ex);
}
