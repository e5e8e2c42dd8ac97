using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NextLevel.Api.LoadTest;

/// <summary>
/// The embedded engine and the Api, started from their built assemblies on free loopback ports, with a fresh
/// data directory; both are stopped (and the directory removed) on dispose.
/// </summary>
internal sealed class LocalStack : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "nextlevel-loadtest-" + Guid.NewGuid().ToString("N")[..8]);

    public Uri ApiUrl { get; private set; } = null!;

    public static async Task<LocalStack> StartAsync(string configuration, string key)
    {
        var root = RepositoryRoot();
        var engineDll = Path.Combine(root, "NextLevel.EmbeddedMongo", "bin", configuration, "net10.0", "NextLevel.EmbeddedMongo.dll");
        var apiDll = Path.Combine(root, "NextLevel.Api", "bin", configuration, "net10.0", "NextLevel.Api.dll");
        foreach (var dll in new[] { engineDll, apiDll })
        {
            if (!File.Exists(dll)) throw new FileNotFoundException($"Build first: dotnet build -c {configuration} NextLevel.sln", dll);
        }

        var stack = new LocalStack();
        try
        {
            Directory.CreateDirectory(stack._dataDirectory);
            var mongoPort = FreePort();
            stack.Start(engineDll, ["--port", mongoPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dbpath", stack._dataDirectory], new Dictionary<string, string>());
            await WaitForTcpAsync(mongoPort);

            var apiPort = FreePort();
            stack.ApiUrl = new Uri($"http://127.0.0.1:{apiPort}");
            stack.Start(apiDll, [], new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = stack.ApiUrl.ToString().TrimEnd('/'),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__mongodb"] = $"mongodb://127.0.0.1:{mongoPort}/next_level_real_estate",
                ["Intake__GoogleAds__Key"] = key,
                ["Webhooks__RateLimit__PerSecond"] = "1000000",
                ["Webhooks__RateLimit__Burst"] = "1000000",
                ["Logging__LogLevel__Default"] = "Warning",
            });
            await WaitForHealthAsync(stack.ApiUrl);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private void Start(string dll, string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dll}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(dll)}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NextLevel.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("NextLevel.sln not found above the tool's directory.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForTcpAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task WaitForHealthAsync(Uri api)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow >= deadline) throw new TimeoutException("The Api did not become healthy.");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
