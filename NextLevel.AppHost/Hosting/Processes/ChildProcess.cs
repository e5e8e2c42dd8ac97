using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NextLevel.AppHost.Hosting.Processes;

/// <summary>
/// One running child process whose output goes, line by line, to a callback (the resource's console log).
/// Stopping asks politely first (SIGTERM, so the engine flushes its journal and services drain), then kills.
/// </summary>
internal sealed partial class ChildProcess : IDisposable
{
    private const int SigTerm = 15;

    private readonly Process _process;

    private ChildProcess(Process process)
    {
        _process = process;
        Pid = process.Id;
    }

    public int Pid { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the process described by <paramref name="startInfo"/>; <paramref name="onLine"/> gets (line, isStandardError).</summary>
    public static async Task<ChildProcess> StartAsync(ProcessLauncher launcher, ProcessStartInfo startInfo, Action<string, bool> onLine)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        // A pipe the AppHost never writes to: children must not share the terminal's input with the AppHost.
        startInfo.RedirectStandardInput = true;

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, true); };
        try
        {
            await launcher.StartAsync(process);
        }
        catch
        {
            process.Dispose();
            throw;
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    /// <summary>Completes with the exit code once the process has exited and its output is read to the end.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, then a kill if the process is still there after <paramref name="gracePeriod"/>.</summary>
    public async Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        try
        {
            await SignalThenKillAsync(gracePeriod, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The process exited and was released by its supervisor meanwhile: nothing is left to stop.
        }
    }

    private async Task SignalThenKillAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            _process.Kill(entireProcessTree: true);
        }
        else
        {
            _ = Kill(Pid, SigTerm);
        }

        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(gracePeriod);
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public void Dispose() => _process.Dispose();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
