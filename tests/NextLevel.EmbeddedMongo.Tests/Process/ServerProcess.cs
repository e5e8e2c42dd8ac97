using System.Diagnostics;
using System.Text;

namespace NextLevel.EmbeddedMongo.Tests.Process;

/// <summary>The built executable run as a child process (<c>dotnet NextLevel.EmbeddedMongo.dll ...</c>).</summary>
internal sealed class ServerProcess : IDisposable
{
    public const string ReadyPrefix = "EMBEDDED_MONGO_READY ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _stdout = new();
    private readonly TaskCompletionSource<string?> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(System.Diagnostics.Process process)
    {
        _process = process;
    }

    public string ConnectionString { get; private set; } = "";

    public int Pid => _process.Id;

    public string StandardError
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    public string StandardOutput
    {
        get
        {
            lock (_stdout) return _stdout.ToString();
        }
    }

    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the server and waits for its READY line; fails with its stderr if it exits first.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, params string[] extraArgs)
    {
        var server = Launch(["--port", "0", "--dbpath", dataDirectory, .. extraArgs]);
        var ready = await server._ready.Task.WaitAsync(StartTimeout);
        if (ready is null)
        {
            await server._process.WaitForExitAsync();
            throw new InvalidOperationException($"server exited with {server._process.ExitCode} before READY: {server.StandardError}");
        }
        server.ConnectionString = ready;
        return server;
    }

    /// <summary>Runs the executable to completion (for arguments that make it exit) and returns its exit code.</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunToExitAsync(params string[] args)
    {
        using var server = Launch(args);
        await server.WaitForExitAsync(StartTimeout);
        return (server._process.ExitCode, server.StandardOutput, server.StandardError);
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Sends SIGTERM the way a service manager would and returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        await WaitForExitAsync(timeout);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the redirected output
    }

    private static ServerProcess Launch(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ExecutablePath());
        foreach (var arg in args) start.ArgumentList.Add(arg);

        var process = new System.Diagnostics.Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                server._ready.TrySetResult(null);
                return;
            }
            lock (server._stdout) server._stdout.AppendLine(e.Data);
            if (e.Data.StartsWith(ReadyPrefix, StringComparison.Ordinal)) server._ready.TrySetResult(e.Data[ReadyPrefix.Length..]);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (server._stderr) server._stderr.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The executable's dll is copied next to the test assembly by the project reference.</summary>
    private static string ExecutablePath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "NextLevel.EmbeddedMongo.dll");
        if (!File.Exists(path)) throw new FileNotFoundException("NextLevel.EmbeddedMongo.dll is not next to the test assembly", path);
        return path;
    }
}
