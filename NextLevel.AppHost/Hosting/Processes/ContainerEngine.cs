using System.ComponentModel;
using System.Diagnostics;

namespace NextLevel.AppHost.Hosting.Processes;

/// <summary>The Docker-compatible CLI on PATH (docker, or podman installed as docker). [Singleton - ThreadSafe]</summary>
internal sealed class ContainerEngine
{
    public const string Cli = "docker";

    private static readonly TimeSpan QuickCommandTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PullTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Whether a container engine answers (<c>docker info</c> succeeds).</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken) =>
        await RunAsync(["info", "--format", "{{.ServerVersion}}"], QuickCommandTimeout, cancellationToken) == 0;

    public async Task<bool> HasImageAsync(string image, CancellationToken cancellationToken) =>
        await RunAsync(["image", "inspect", image], QuickCommandTimeout, cancellationToken) == 0;

    public async Task<bool> PullAsync(string image, CancellationToken cancellationToken) =>
        await RunAsync(["pull", image], PullTimeout, cancellationToken) == 0;

    /// <summary>Stops (and, since it runs with --rm, removes) the container; a missing container is fine.</summary>
    public Task StopContainerAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(["stop", "--time", "10", name], QuickCommandTimeout, cancellationToken);

    /// <summary>Removes a container left by an AppHost that was killed, so its name and port are free again.</summary>
    public Task RemoveContainerAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(["rm", "--force", name], QuickCommandTimeout, cancellationToken);

    /// <summary>Runs the CLI and returns its exit code; -1 when it is not installed or did not finish in time.</summary>
    private static async Task<int> RunAsync(IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(Cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            return -1;
        }

        using (process)
        {
            // Output is drained so that a chatty command (pull) never blocks on a full pipe.
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken));
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
                await drain;
                return process.ExitCode;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                return -1;
            }
        }
    }
}
