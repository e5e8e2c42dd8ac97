using Microsoft.Extensions.Options;
using NextLevel.Worker.Services.Startup;

namespace NextLevel.Worker.Services.Closing;

/// <summary>Every <see cref="ClosingOptions.Interval"/>: reminds owners of overdue tasks and expires offers past their expiry.</summary>
public sealed partial class ClosingChoresService(TaskReminders reminders, OfferExpiry offers, WorkerStartup startup, IOptions<ClosingOptions> options, TimeProvider time, ILogger<ClosingChoresService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reminders.RunOnceAsync(stoppingToken);
                await offers.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
            try { await Task.Delay(options.Value.Interval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A closers' chores pass failed; retrying at the next interval")]
    private partial void LogFailed(Exception ex);
}
