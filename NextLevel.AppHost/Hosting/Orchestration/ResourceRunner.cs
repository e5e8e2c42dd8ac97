using Microsoft.Extensions.Logging;
using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>What all runners share: waiting for dependencies, publishing snapshots, watching health.</summary>
internal abstract class ResourceRunner(IResource resource, RunnerServices services) : IResourceRunner
{
    /// <summary>How often health is asked; also the worst-case delay before a healthy resource shows as such.</summary>
    public static readonly TimeSpan HealthProbeInterval = TimeSpan.FromSeconds(1);

    public IResource Resource { get; } = resource;

    protected RunnerServices Services { get; } = services;

    /// <summary>Writes into the resource's console log, shown on the ops page.</summary>
    protected ILogger Log { get; } = services.Logs.GetLogger(resource);

    public abstract string Describe();

    public abstract Task RunAsync(CancellationToken stopping);

    public abstract Task StopAsync(CancellationToken cancellationToken);

    protected ResourceSnapshot Publish(Func<ResourceSnapshot, ResourceSnapshot> update) =>
        Services.Notifications.PublishUpdate(Resource, update);

    protected void AppendOutput(string line, bool isError) => Services.Logs.GetLog(Resource.Name).Append(line, isError);

    /// <summary>Returns once every resource named by a <see cref="WaitAnnotation"/> is healthy.</summary>
    protected async Task WaitForDependenciesAsync(CancellationToken cancellationToken)
    {
        var dependencies = Resource.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name).ToArray();
        if (dependencies.Length == 0)
        {
            return;
        }

        Publish(snapshot => snapshot with { State = ResourceStates.Waiting });
        Log.LogInformation("Waiting for {Dependencies} to be healthy", string.Join(", ", dependencies));
        await Task.WhenAll(dependencies.Select(name => Services.Notifications.WaitForResourceHealthyAsync(name, cancellationToken)));
    }

    /// <summary>
    /// Asks <paramref name="probe"/> every <see cref="HealthProbeInterval"/> until cancelled and publishes each change:
    /// Starting until the first healthy answer, then Healthy or Unhealthy.
    /// </summary>
    protected async Task MonitorHealthAsync(IHealthProbe probe, CancellationToken cancellationToken)
    {
        var everHealthy = false;
        using var timer = new PeriodicTimer(HealthProbeInterval, Services.Time);
        try
        {
            do
            {
                var healthy = await probe.CheckAsync(cancellationToken);
                var health = healthy ? HealthStates.Healthy : everHealthy ? HealthStates.Unhealthy : HealthStates.Starting;
                everHealthy |= healthy;
                var previous = Services.Notifications.GetSnapshot(Resource.Name).Health;
                if (previous != health && !cancellationToken.IsCancellationRequested)
                {
                    Publish(snapshot => snapshot with { Health = health });
                    Log.LogInformation("Health: {Health}", health);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Monitoring ends with the process it watches or with the AppHost.
        }
    }
}
