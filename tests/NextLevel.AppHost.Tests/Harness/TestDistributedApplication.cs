using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using NextLevel.AppHost.Hosting.Processes;

namespace NextLevel.AppHost.Tests.Harness;

/// <summary>
/// A running AppHost under test. Waits read the ops page's <c>GET /api/resources</c>; disposing stops the AppHost
/// with SIGTERM, as Ctrl+C would, and checks that none of the processes it ever reported is left.
/// </summary>
public sealed class TestDistributedApplication : IAsyncDisposable
{
    /// <summary>How long a resource may take to become healthy on a loaded two-core CI machine.</summary>
    public static readonly TimeSpan HealthyTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<int, string> _processesSeen = new();
    private readonly HttpClient _dashboard;
    private readonly bool _ownsDataDirectory;
    private ChildProcess? _appHost;

    internal TestDistributedApplication(Uri dashboardUrl, string dataDirectory, bool ownsDataDirectory)
    {
        DashboardUrl = dashboardUrl;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        _dashboard = new HttpClient { BaseAddress = dashboardUrl, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri DashboardUrl { get; }

    public string DataDirectory { get; }

    public int AppHostPid => _appHost?.Pid ?? throw new InvalidOperationException("The AppHost is not started.");

    /// <summary>What the AppHost printed, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Every pid the ops page reported (resource name by pid), to check for survivors after a stop.</summary>
    public IReadOnlyDictionary<int, string> ProcessesSeen => _processesSeen;

    public async Task<IReadOnlyList<ResourceInfo>> GetResourcesAsync(CancellationToken cancellationToken = default)
    {
        var resources = await _dashboard.GetFromJsonAsync<ResourceInfo[]>("api/resources", Json, cancellationToken) ?? [];
        foreach (var resource in resources)
        {
            if (resource.Pid is { } pid)
            {
                _processesSeen[pid] = resource.Name;
            }
        }
        return resources;
    }

    /// <summary>A GET of the ops page's API (e.g. <c>api/traces?resource=api</c>) as JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken = default) =>
        await _dashboard.GetFromJsonAsync<JsonElement>(path, Json, cancellationToken);

    public async Task<ResourceInfo> GetResourceAsync(string name) =>
        (await GetResourcesAsync()).SingleOrDefault(resource => resource.Name == name)
            ?? throw new InvalidOperationException($"The AppHost has no resource '{name}'.");

    /// <summary>Polls until <paramref name="name"/> satisfies <paramref name="predicate"/>; fails with the AppHost's output.</summary>
    public async Task<ResourceInfo> WaitForResourceAsync(string name, Func<ResourceInfo, bool> predicate, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? HealthyTimeout);
        ResourceInfo? last = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                last = (await GetResourcesAsync(deadline.Token)).Single(resource => resource.Name == name);
                if (predicate(last))
                {
                    return last;
                }
                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }
        }
        throw new TimeoutException($"'{name}' did not reach the expected state in time; last seen: {last}.\nAppHost output:\n{Output}");
    }

    public Task<ResourceInfo> WaitForResourceHealthyAsync(string name, TimeSpan? timeout = null) =>
        WaitForResourceAsync(name, resource => resource.IsHealthy, timeout);

    public async Task WaitForAllHealthyAsync(TimeSpan? timeout = null)
    {
        foreach (var resource in await GetResourcesAsync())
        {
            await WaitForResourceHealthyAsync(resource.Name, timeout);
        }
    }

    /// <summary>
    /// The console lines the ops page keeps for <paramref name="resourceName"/> (its log stream read until it has been
    /// quiet for <paramref name="quiet"/>), for a test's artifacts.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReadConsoleLogAsync(string resourceName, TimeSpan quiet)
    {
        var lines = new List<string>();
        using var stream = new HttpClient { BaseAddress = DashboardUrl, Timeout = Timeout.InfiniteTimeSpan };
        using var response = await stream.GetAsync($"api/resources/{Uri.EscapeDataString(resourceName)}/logs", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (true)
        {
            using var idle = new CancellationTokenSource(quiet);
            string? line;
            try
            {
                line = await reader.ReadLineAsync(idle.Token);
            }
            catch (OperationCanceledException)
            {
                return lines;
            }
            if (line is null) return lines;
            if (!line.StartsWith("data:", StringComparison.Ordinal)) continue;
            using var data = JsonDocument.Parse(line["data:".Length..]);
            lines.Add($"{data.RootElement.GetProperty("timestamp").GetDateTimeOffset():HH:mm:ss.fff} {data.RootElement.GetProperty("text").GetString()}");
        }
    }

    /// <summary>A client whose base address is the first endpoint of <paramref name="resourceName"/>.</summary>
    public async Task<HttpClient> CreateHttpClientAsync(string resourceName)
    {
        var resource = await GetResourceAsync(resourceName);
        var endpoint = resource.Endpoints.FirstOrDefault(url => url.StartsWith("http", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"'{resourceName}' has no HTTP endpoint.");
        return new HttpClient { BaseAddress = new Uri(endpoint) };
    }

    /// <summary>Stops the AppHost as Ctrl+C or a service manager would (SIGTERM) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_appHost is { HasExited: false } appHost)
        {
            await appHost.StopAsync(StopTimeout, CancellationToken.None);
        }
    }

    /// <summary>Kills the AppHost outright (SIGKILL): none of its own shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (_appHost is { HasExited: false } appHost)
        {
            System.Diagnostics.Process.GetProcessById(appHost.Pid).Kill();
            await appHost.WaitForExitAsync();
        }
    }

    /// <summary>The processes the ops page reported that are still alive, after waiting up to <paramref name="grace"/> for them to go.</summary>
    public async Task<IReadOnlyList<string>> SurvivingProcessesAsync(TimeSpan grace)
    {
        var until = DateTime.UtcNow + grace;
        while (true)
        {
            var alive = _processesSeen.Where(process => ProcessIsAlive(process.Key)).Select(p => $"{p.Value} (pid {p.Key})").ToArray();
            if (alive.Length == 0 || DateTime.UtcNow >= until)
            {
                return alive;
            }
            await Task.Delay(PollInterval);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _appHost?.Dispose();
        _dashboard.Dispose();

        // A test never leaves processes behind, even when it failed half-way.
        foreach (var pid in _processesSeen.Keys.Where(ProcessIsAlive))
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
        }
        if (_ownsDataDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    internal void AppendOutput(string line, bool isError) => _output.Enqueue(isError ? $"[stderr] {line}" : line);

    internal void Attach(ChildProcess appHost) => _appHost = appHost;

    internal async Task WaitForDashboardAsync()
    {
        using var deadline = new CancellationTokenSource(HealthyTimeout);
        while (true)
        {
            if (_appHost is { HasExited: true })
            {
                throw new InvalidOperationException($"The AppHost exited before its ops page answered.\nAppHost output:\n{Output}");
            }
            try
            {
                // The page answers as soon as it listens; the resources are listed a moment later.
                if ((await GetResourcesAsync(deadline.Token)).Count > 0)
                {
                    return;
                }
                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"The ops page did not answer at {DashboardUrl}.\nAppHost output:\n{Output}");
            }
        }
    }

    /// <summary>Alive and still one of ours: a pid can be reused by an unrelated process once ours is gone.</summary>
    private static bool ProcessIsAlive(int pid)
    {
        var commandLine = $"/proc/{pid}/cmdline";
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return File.ReadAllText(commandLine).Contains("nextlevel", StringComparison.OrdinalIgnoreCase) && !IsZombie(pid);
            }
            catch (IOException)
            {
                return false;
            }
        }
        try
        {
            return !System.Diagnostics.Process.GetProcessById(pid).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsZombie(int pid)
    {
        // /proc/<pid>/stat: "pid (comm) S ..." — the state letter follows the closing parenthesis.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
    }
}
