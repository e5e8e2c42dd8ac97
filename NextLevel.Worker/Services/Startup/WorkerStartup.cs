using NextLevel.Domain.Persistence;
using NextLevel.Worker.Services.FollowUp;

namespace NextLevel.Worker.Services.Startup;

/// <summary>
/// Runs once at start-up before any loop works: registers the document mappings and creates the indexes of the
/// Worker's own collections (the twelve collections are the Api's catalogue). Loops wait on <see cref="WaitAsync"/>.
/// </summary>
public sealed partial class WorkerStartup(CampaignLimits limits, ILogger<WorkerStartup> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DomainMongoMappings.Register();
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await limits.EnsureIndexesAsync(stoppingToken);
                _ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogIndexesFailed(ex);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating the Worker's indexes failed; retrying")]
    private partial void LogIndexesFailed(Exception ex);
}
