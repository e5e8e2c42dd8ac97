using System.Diagnostics;

namespace NextLevel.EmbeddedMongo.Bench;

/// <summary>
/// Runs the engine as its own process, as developers and the AppHost do, so resident memory and
/// restart (recovery) time are measured on the real executable.
/// </summary>
public sealed class EngineProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EngineProcess(Process process, string connectionString, TimeSpan startTime)
    {
        _process = process;
        ConnectionString = connectionString;
        StartTime = startTime;
    }

    public string ConnectionString { get; }

    /// <summary>From process start to the READY line: includes recovery of the data directory.</summary>
    public TimeSpan StartTime { get; }

    /// <summary>Environment variables given to engine processes only (the bench's <c>--engine-env NAME=VALUE</c>), for A/B runs of runtime settings.</summary>
    public static Dictionary<string, string> ExtraEnvironment { get; } = new(StringComparer.Ordinal);

    public static async Task<EngineProcess> StartAsync(string engineDll, string dataDirectory, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in ExtraEnvironment) info.Environment[name] = value;
        foreach (var argument in new[] { engineDll, "--port", "0", "--dbpath", dataDirectory }) info.ArgumentList.Add(argument);
        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the engine");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"engine exited with code {(process.WaitForExit(1000) ? process.ExitCode : -1)} before it was ready");
            const string ready = "EMBEDDED_MONGO_READY ";
            if (line.StartsWith(ready, StringComparison.Ordinal))
                return new EngineProcess(process, line[ready.Length..].Trim(), stopwatch.Elapsed);
        }
    }

    /// <summary>Resident set size from /proc (Linux), in bytes.</summary>
    public long ResidentBytes()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        var line = status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    /// <summary>CPU time the engine process has used so far (utime + stime from /proc, Linux).</summary>
    public TimeSpan CpuTime()
    {
        var (user, system) = CpuSplit();
        return user + system;
    }

    /// <summary>User and system CPU time of the engine process so far (utime, stime).</summary>
    public (TimeSpan User, TimeSpan System) CpuSplit()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        // Fields after the parenthesised name start at field 3; utime and stime are fields 14 and 15, in clock ticks (100 Hz).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (TimeSpan.FromSeconds(long.Parse(fields[11]) / 100.0), TimeSpan.FromSeconds(long.Parse(fields[12]) / 100.0));
    }

    /// <summary>Context switches of all the engine's threads so far (voluntary + involuntary, from /proc).</summary>
    public long ContextSwitches()
    {
        long total = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                        total += long.Parse(line[(line.IndexOf(':') + 1)..].Trim());
                }
            }
            catch (IOException)
            {
                // The thread exited meanwhile.
            }
        }
        return total;
    }

    /// <summary>Graceful stop (SIGTERM), as Ctrl+C would.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        if (!_process.WaitForExit(60_000)) _process.Kill(entireProcessTree: true);
    }

    /// <summary>kill -9: no shutdown code runs, as in a power cut of the process.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
