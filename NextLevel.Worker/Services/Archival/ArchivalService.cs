using Microsoft.Extensions.Options;
using NextLevel.Worker.Services.Startup;

namespace NextLevel.Worker.Services.Archival;

/// <summary>Runs <see cref="TranscriptArchiver"/> every <see cref="ArchivalOptions.Interval"/>.</summary>
public sealed partial class ArchivalService(TranscriptArchiver archiver, WorkerStartup startup, IOptions<ArchivalOptions> options, TimeProvider time, ILogger<ArchivalService> logger) : BackgroundService
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
                var result = await archiver.RunAsync(stoppingToken);
                if (result.Archived > 0) LogArchived(result.Archived, result.Cutoff);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
            try { await Task.Delay(options.Value.Interval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Archived {Count} transcripts created before {Cutoff:O}")]
    private partial void LogArchived(long count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcript archival failed; the next run completes it")]
    private partial void LogFailed(Exception ex);
}
