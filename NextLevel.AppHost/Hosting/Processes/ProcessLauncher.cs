using System.Collections.Concurrent;
using System.Diagnostics;

namespace NextLevel.AppHost.Hosting.Processes;

/// <summary>
/// Starts the AppHost's child processes so that none outlives the AppHost, however it ends.
/// <para>
/// On Linux every child starts as <c>setpriv --pdeathsig TERM &lt;command&gt;</c>: the kernel itself sends the child
/// SIGTERM when its parent goes away, which also covers a <c>kill -9</c> of the AppHost, where no code of ours
/// runs. It needs no cooperation from the child (the embedded engine and the container CLI included), no polling
/// and no watchdog process. The kernel ties that signal to the <em>thread</em> that forked the child, so every
/// start happens on one dedicated thread that lives as long as the AppHost: a thread-pool thread could retire
/// and take the children with it.
/// </para>
/// Elsewhere (no setpriv) children start directly and are stopped only by a clean shutdown.
/// [Singleton - ThreadSafe]
/// </summary>
internal sealed class ProcessLauncher : IDisposable
{
    private readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> _requests = [];
    private readonly string? _setpriv;

    public ProcessLauncher()
    {
        _setpriv = OperatingSystem.IsLinux() ? FindOnPath("setpriv") : null;
        var thread = new Thread(StartRequestedProcesses) { IsBackground = true, Name = "NextLevel child-process launcher" };
        thread.Start();
    }

    /// <summary>Whether children are bound to the AppHost's life by the kernel (see the class summary).</summary>
    public bool ChildrenDieWithParent => _setpriv is not null;

    /// <summary>Starts <paramref name="process"/>, whose <see cref="ProcessStartInfo.ArgumentList"/> holds its arguments.</summary>
    public Task StartAsync(Process process)
    {
        if (_setpriv is not null)
        {
            BindToParentLife(process.StartInfo, _setpriv);
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Add((process, started));
        return started.Task;
    }

    public void Dispose() => _requests.CompleteAdding();

    private void StartRequestedProcesses()
    {
        foreach (var (process, started) in _requests.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception exception)
            {
                started.SetException(exception);
            }
        }
        // Returning ends the thread, which signals any child still alive: the intended last resort at shutdown.
    }

    private static void BindToParentLife(ProcessStartInfo startInfo, string setpriv)
    {
        string[] command = [startInfo.FileName, .. startInfo.ArgumentList];
        startInfo.FileName = setpriv;
        startInfo.ArgumentList.Clear();
        foreach (var argument in (string[])["--pdeathsig", "TERM", .. command])
        {
            startInfo.ArgumentList.Add(argument);
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
