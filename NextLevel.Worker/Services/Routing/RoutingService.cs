using Microsoft.Extensions.Options;
using NextLevel.Worker.Services.Startup;

namespace NextLevel.Worker.Services.Routing;

/// <summary>Runs <see cref="RoutingSweep"/> every <see cref="RoutingOptions.Interval"/>.</summary>
public sealed partial class RoutingService(RoutingSweep sweep, WorkerStartup startup, IOptions<RoutingOptions> options, TimeProvider time, ILogger<RoutingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await sweep.RunAsync(stoppingToken);
                if (result.Expired + result.Alerted > 0) LogRound(result.Reoffered, result.Pooled, result.Alerted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
            try { await Task.Delay(options.Value.Interval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing: {Reoffered} re-offered, {Pooled} pooled, {Alerted} alerts sent")]
    private partial void LogRound(int reoffered, int pooled, int alerted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing round failed; the next round continues")]
    private partial void LogFailed(Exception ex);
}
