using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NextLevel.AppHost.Hosting.ApplicationModel;
using NextLevel.AppHost.Hosting.Processes;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>One start of a process: what to run, and what the ops page shows about it.</summary>
internal sealed record ProcessLaunch(ProcessStartInfo StartInfo, string Source, IReadOnlyDictionary<string, string> Environment);

/// <summary>
/// Supervises a resource that is a process: starts it once its dependencies are healthy, watches its health, and
/// restarts it with backoff (<see cref="RestartPolicy"/>) when it exits on its own, counting the restarts.
/// </summary>
internal abstract class ProcessResourceRunner(IResource resource, RunnerServices services) : ResourceRunner(resource, services)
{
    /// <summary>
    /// The exit code with which a service reports a configuration error (EX_CONFIG, as ServiceDefaults'
    /// StartupFailure uses): the service is not restarted, since the same configuration would fail again.
    /// </summary>
    public const int ConfigurationErrorExitCode = 78;

    private volatile ChildProcess? _current;
    private volatile bool _stopRequested;

    /// <summary>How long a process has after SIGTERM before it is killed.</summary>
    protected virtual TimeSpan StopGracePeriod => TimeSpan.FromSeconds(10);

    /// <summary>Describes the next start; called before each start so that it sees current ports and connection strings.</summary>
    protected abstract Task<ProcessLaunch> PrepareLaunchAsync(CancellationToken cancellationToken);

    protected abstract IHealthProbe CreateHealthProbe();

    /// <summary>Sees every output line before it goes to the console log (the embedded engine's READY line).</summary>
    protected virtual void OnOutputLine(string line)
    {
    }

    public override async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await WaitForDependenciesAsync(stopping);
            var restartPolicy = new RestartPolicy();
            while (await RunOnceAsync(stopping) is { } uptime)
            {
                var delay = restartPolicy.NextDelay(uptime);
                Log.LogWarning("Restarting in {Delay:0.#} s", delay.TotalSeconds);
                await Task.Delay(delay, Services.Time, stopping);
                Publish(snapshot => snapshot with { Restarts = snapshot.Restarts + 1 });
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Publish(snapshot => snapshot with { State = ResourceStates.Exited, Health = HealthStates.Unhealthy, Pid = null });
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopRequested = true;
        if (_current is { } child)
        {
            Publish(snapshot => snapshot with { State = ResourceStates.Stopping });
            await child.StopAsync(StopGracePeriod, cancellationToken);
        }
    }

    /// <summary>Starts the process and waits for it to exit; returns how long it ran when it should be restarted, else null.</summary>
    private async Task<TimeSpan?> RunOnceAsync(CancellationToken stopping)
    {
        ProcessLaunch launch;
        try
        {
            launch = await PrepareLaunchAsync(stopping);
        }
        catch (FileNotFoundException exception)
        {
            Log.LogError("{Reason}", exception.Message);
            Publish(snapshot => snapshot with { State = ResourceStates.FailedToStart, Health = HealthStates.Unhealthy });
            return null;
        }

        Publish(snapshot => snapshot with
        {
            State = ResourceStates.Starting,
            Source = launch.Source,
            Environment = [.. launch.Environment],
        });

        ChildProcess child;
        try
        {
            child = await ChildProcess.StartAsync(Services.Launcher, launch.StartInfo, (line, isError) =>
            {
                OnOutputLine(line);
                AppendOutput(line, isError);
            });
        }
        catch (Win32Exception exception)
        {
            Log.LogError("Could not start {Source}: {Reason}", launch.Source, exception.Message);
            Publish(snapshot => snapshot with { State = ResourceStates.FailedToStart, Health = HealthStates.Unhealthy });
            return null;
        }

        using (child)
        {
            _current = child;
            var startedAt = Services.Time.GetUtcNow();
            Publish(snapshot => snapshot with { State = ResourceStates.Running, Pid = child.Pid, StartedAt = startedAt, ExitCode = null });
            if (_stopRequested || stopping.IsCancellationRequested)
            {
                await child.StopAsync(StopGracePeriod, CancellationToken.None);
            }

            int exitCode;
            using (var probe = CreateHealthProbe())
            using (var monitoring = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                var health = MonitorHealthAsync(probe, monitoring.Token);
                exitCode = await child.WaitForExitAsync();
                await monitoring.CancelAsync();
                await health;
            }
            _current = null;

            var stopped = _stopRequested || stopping.IsCancellationRequested;
            Publish(snapshot => snapshot with
            {
                State = stopped ? ResourceStates.Exited : exitCode == ConfigurationErrorExitCode ? ResourceStates.FailedToStart : ResourceStates.Restarting,
                Health = HealthStates.Unhealthy,
                Pid = null,
                ExitCode = exitCode,
            });

            if (stopped)
            {
                return null;
            }
            if (exitCode == ConfigurationErrorExitCode)
            {
                Log.LogError("Exited with code {ExitCode}: a configuration error, which a restart cannot fix (see the line above)", exitCode);
                return null;
            }
            Log.LogWarning("Exited with code {ExitCode}", exitCode);
            return Services.Time.GetUtcNow() - startedAt;
        }
    }

    /// <summary>A start description for <c>dotnet &lt;assembly&gt; args</c> with the given variables.</summary>
    protected static ProcessStartInfo DotnetStartInfo(string assemblyPath, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        startInfo.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        return startInfo;
    }

    protected static ImmutableDictionary<string, string> NoVariables => ImmutableDictionary<string, string>.Empty;
}
