using Microsoft.Extensions.Options;
using NextLevel.Worker.Services.Startup;

namespace NextLevel.Worker.Services.FollowUp;

/// <summary>
/// The follow-up loop: <see cref="FollowUpOptions.Parallelism"/> claim loops, each running due steps until none is
/// due, then sleeping <see cref="FollowUpOptions.PollInterval"/>. Several worker processes may run it side by side.
/// </summary>
public sealed partial class FollowUpService(FollowUpEngine engine, WorkerStartup startup, IOptions<FollowUpOptions> options, TimeProvider time, ILogger<FollowUpService> logger) : BackgroundService
{

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.WaitAsync(stoppingToken);
        var loops = Enumerable.Range(0, Math.Max(1, options.Value.Parallelism)).Select(_ => LoopAsync(stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = 0;
            var stepsPerPass = 2 * Math.Max(1, options.Value.BatchSize);
            try
            {
                ran = await engine.RunDueAsync(stepsPerPass, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable: claims are leases, so nothing is lost by waiting.
                LogPassFailed(ex);
            }
            if (ran < stepsPerPass)
            {
                try { await Task.Delay(options.Value.PollInterval, time, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A follow-up pass failed; retrying after the poll interval")]
    private partial void LogPassFailed(Exception ex);
}
