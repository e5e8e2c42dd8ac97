using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NextLevel.Worker.SpeedToLead;

/// <summary>
/// The embedded engine, the Api and the Worker as separate processes from their build outputs, on loopback ports,
/// configured as the AppHost configures them (shared webhook secrets, the Api's address for the Worker).
/// Everything started is stopped on dispose.
/// </summary>
internal sealed class LocalSystem : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private readonly List<string> _names = [];
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "speed-to-lead-" + Guid.NewGuid().ToString("N")[..8]);

    public Uri ApiUrl { get; private set; } = null!;

    public string MongoUrl { get; private set; } = "";

    /// <summary>CPU time (user + system) each started process has used so far, by project name.</summary>
    public IReadOnlyList<(string Name, TimeSpan Cpu)> CpuTimes()
    {
        var times = new List<(string, TimeSpan)>();
        foreach (var (name, process) in _names.Zip(_processes))
        {
            try
            {
                process.Refresh();
                times.Add((name, process.TotalProcessorTime));
            }
            catch (InvalidOperationException) { times.Add((name, TimeSpan.Zero)); }
        }
        return times;
    }

    public static async Task<LocalSystem> StartAsync(string root, string configuration, string googleKey)
    {
        string Dll(string project) => Path.Combine(root, project, "bin", configuration, "net10.0", project + ".dll");
        foreach (var project in new[] { "NextLevel.EmbeddedMongo", "NextLevel.Api", "NextLevel.Worker" })
            if (!File.Exists(Dll(project))) throw new FileNotFoundException($"Build first: dotnet build -c {configuration} NextLevel.sln", Dll(project));

        var system = new LocalSystem();
        try
        {
            Directory.CreateDirectory(system._dataDirectory);
            var mongoPort = FreePort();
            system.Start(Dll("NextLevel.EmbeddedMongo"), ["--port", mongoPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dbpath", system._dataDirectory], []);
            await WaitForTcpAsync(mongoPort);
            system.MongoUrl = $"mongodb://127.0.0.1:{mongoPort}/next_level_real_estate";

            var twilioToken = Guid.NewGuid().ToString("N");
            var elevenLabsSecret = Guid.NewGuid().ToString("N");
            var apiPort = FreePort();
            system.ApiUrl = new Uri($"http://127.0.0.1:{apiPort}");
            var common = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__mongodb"] = system.MongoUrl,
                ["Providers__Twilio__AuthToken"] = twilioToken,
                ["Providers__ElevenLabs__WebhookSecret"] = elevenLabsSecret,
                ["Logging__LogLevel__Default"] = "Warning",
            };
            system.Start(Dll("NextLevel.Api"), [], new(common)
            {
                ["ASPNETCORE_URLS"] = system.ApiUrl.ToString().TrimEnd('/'),
                ["Intake__GoogleAds__Key"] = googleKey,
                ["Intake__CampaignCacheSeconds"] = "1",
                ["Webhooks__RateLimit__PerSecond"] = "1000000",
                ["Webhooks__RateLimit__Burst"] = "1000000",
            });
            await WaitForHealthAsync(system.ApiUrl);

            var workerUrl = new Uri($"http://127.0.0.1:{FreePort()}");
            system.Start(Dll("NextLevel.Worker"), [], new(common)
            {
                ["ASPNETCORE_URLS"] = workerUrl.ToString().TrimEnd('/'),
                ["services__api__http__0"] = system.ApiUrl.ToString().TrimEnd('/'),
            });
            await WaitForHealthAsync(workerUrl);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private void Start(string dll, string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dll}");
        var name_ = Path.GetFileNameWithoutExtension(dll);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{name_}] {e.Data}"); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null && (e.Data.Contains("fail", StringComparison.OrdinalIgnoreCase) || e.Data.Contains("warn", StringComparison.OrdinalIgnoreCase))) Console.Error.WriteLine($"[{name_}] {e.Data}"); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _processes.Add(process);
        _names.Add(name_.Replace("NextLevel.", "", StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForTcpAsync(int port)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"Nothing listens on port {port}.");
    }

    private static async Task WaitForHealthAsync(Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{baseUrl} did not become healthy.");
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            var process = _processes[i];
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException) { }
            process.Dispose();
        }
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
