using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NextLevel.AppHost.Hosting.ApplicationModel;
using NextLevel.AppHost.Hosting.Processes;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>
/// Brings the declared resources up in dependency order and down in reverse.
/// Start, once the ops page listens (so that a busy port fails before any child runs): allocate every endpoint (so
/// references resolve before anything runs), list the resources, choose how each one runs, print the resource table,
/// then let each runner wait for its dependencies and start.
/// Stop (Ctrl+C, SIGTERM, end of a test): stop the runners from the last declared to the first.
/// </summary>
internal sealed class ApplicationOrchestrator(
    DistributedApplicationModel model,
    ResourceRunnerFactory runnerFactory,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    ProcessLauncher launcher,
    PortAllocator ports,
    ContainerEngine containers,
    IHttpClientFactory httpClients,
    IConfiguration configuration,
    AppHostOptions options,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IHostedLifecycleService, IDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("NextLevel.AppHost");
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IResourceRunner> _runners = [];
    private readonly List<Task> _runs = [];

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        AllocateEndpoints();

        foreach (var resource in model.Resources)
        {
            notifications.Register(new ResourceSnapshot
            {
                Name = resource.Name,
                Kind = resource.Kind,
                Endpoints = [.. resource.Annotations.OfType<EndpointAnnotation>().Select(e => e.AllocatedEndpoint!.Url)],
                WaitsFor = [.. resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name)],
            });
        }

        var services = new RunnerServices(notifications, logs, launcher, ports, containers, httpClients, configuration, options, time);
        foreach (var resource in model.Resources)
        {
            _runners.Add(await runnerFactory.CreateAsync(resource, services, cancellationToken));
        }

        if (!launcher.ChildrenDieWithParent)
        {
            _logger.LogWarning("setpriv was not found: if the AppHost is killed, its child processes keep running");
        }
        // Printed as is rather than logged: a table does not survive the one-line log format.
        await Console.Out.WriteLineAsync(ResourceTable.Format(_runners, options));

        foreach (var runner in _runners)
        {
            _runs.Add(Task.Run(() => runner.RunAsync(_stopping.Token), CancellationToken.None));
        }
        _runs.Add(ReportWhenAllHealthyAsync(startedAt));
    }

    /// <summary>
    /// Stops the resources first thing in the host's shutdown, before the ops page (whose open log streams would
    /// otherwise delay it) and at once: with Ctrl+C the children get SIGINT from the terminal too, and a child that
    /// exits must not look like a crash to restart.
    /// </summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        for (var i = _runners.Count - 1; i >= 0; i--)
        {
            try
            {
                await _runners[i].StopAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("Shutdown timed out while stopping {Resource}", _runners[i].Resource.Name);
            }
        }
        await Task.WhenAll(_runs).WaitAsync(cancellationToken);
        _logger.LogInformation("Every resource is stopped");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private void AllocateEndpoints()
    {
        foreach (var endpoint in model.Resources.SelectMany(resource => resource.Annotations.OfType<EndpointAnnotation>()))
        {
            endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint.Scheme, "127.0.0.1", ports.Allocate());
        }
    }

    private async Task ReportWhenAllHealthyAsync(long startedAt)
    {
        try
        {
            await Task.WhenAll(model.Resources.Select(resource => notifications.WaitForResourceHealthyAsync(resource.Name, _stopping.Token)));
            _logger.LogInformation("All {Count} resources are healthy ({Seconds:0.0} s)", model.Resources.Count, Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped before everything was up.
        }
    }
}
