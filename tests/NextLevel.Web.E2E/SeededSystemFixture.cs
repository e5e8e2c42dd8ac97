using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.AppHost.Tests.Harness;

namespace NextLevel.Web.E2E;

/// <summary>
/// The whole system started by the AppHost test harness, seeded with demo data (the Api's seed command), one admin
/// created with the Api's create-admin command, and Debian's chromium driven by Playwright (never a downloaded browser).
/// </summary>
public sealed class SeededSystemFixture : IAsyncLifetime
{
    public const string AdminEmail = "e2e.admin@example.com";
    /// <summary>2,000 by default (fast); NEXTLEVEL_E2E_LEADS=100000 runs the same journey as the performance measurement.</summary>
    public static int SeededLeads { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("NEXTLEVEL_E2E_LEADS"), out var leads) && leads > 0 ? leads : 2000;

    /// <summary>
    /// NEXTLEVEL_E2E_SEEDED_DATA: an AppHost data directory already seeded (see seed-snapshot.sh), copied for each
    /// run instead of seeding, so the 100,000-lead journey starts in a minute instead of several.
    /// </summary>
    public static string? SeededSnapshot { get; } =
        Environment.GetEnvironmentVariable("NEXTLEVEL_E2E_SEEDED_DATA") is { Length: > 0 } snapshot ? Path.GetFullPath(snapshot) : null;

    private string? _copiedDataDirectory;

    public TestDistributedApplication App { get; private set; } = null!;
    public string ElevenLabsWebhookSecret { get; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    public Uri WebUrl { get; private set; } = null!;
    public string AdminPassword { get; private set; } = "";
    /// <summary>The database the services use (for a journey to record what the Worker would, e.g. a call it placed).</summary>
    public string MongoConnectionString { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "e2e");
    private IPlaywright? _playwright;

    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public async Task InitializeAsync()
    {
        // A browser test without a browser proves nothing: fail with what to install instead of skipping.
        if (ChromiumPath is null) throw new InvalidOperationException("Debian's chromium is not installed: apt-get install -y chromium (.ci/run does this).");
        Directory.CreateDirectory(ArtifactsDirectory);
        // A known ElevenLabs webhook secret, so a journey can post a signed post-call event like the provider does.
        if (SeededSnapshot is not null) _copiedDataDirectory = CopySnapshot(SeededSnapshot);
        App = await DistributedApplicationTestingBuilder.StartAsync<Projects.NextLevel_AppHost>(
            new Dictionary<string, string> { ["Providers__ElevenLabs__WebhookSecret"] = ElevenLabsWebhookSecret }, _copiedDataDirectory);
        // A seeded snapshot replays its checkpoint at start (about a minute for 100,000 leads).
        await App.WaitForAllHealthyAsync(TimeSpan.FromMinutes(SeededSnapshot is null ? 3 : 6));
        var connection = MongoConnectionString = await MongoConnectionStringAsync();
        if (SeededSnapshot is null) await RunApiCommandAsync(connection, "seed", "--leads", $"{SeededLeads}", "--seed", "7");
        else await WaitForWorkerToCatchUpAsync(connection);
        var output = await RunApiCommandAsync(connection, "create-admin", "--email", AdminEmail, "--name", "E2E Admin");
        AdminPassword = output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("one-time password:", StringComparison.Ordinal))["one-time password:".Length..].Trim();
        using var web = await App.CreateHttpClientAsync("web");
        WebUrl = web.BaseAddress!;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh copy of the snapshot (the journey changes data: a revoked consent, a new campaign).</summary>
    private static string CopySnapshot(string snapshot)
    {
        if (!Directory.Exists(Path.Combine(snapshot, "mongodb")))
            throw new InvalidOperationException($"NEXTLEVEL_E2E_SEEDED_DATA={snapshot} has no mongodb/ directory: create it with tests/NextLevel.Web.E2E/seed-snapshot.sh.");
        var copy = DistributedApplicationTestingBuilder.CreateTemporaryDataDirectory();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(snapshot, "mongodb"), "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == "mongod.lock") continue;
            var target = Path.Combine(copy, Path.GetRelativePath(snapshot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>
    /// A snapshot sat on disk while its follow-ups fell due: the Worker works them off at start-up. The journey
    /// measures the dashboard as staff use it, so it starts once no more than a handful of follow-ups are due (at
    /// most three minutes); how long that took is written beside the timings.
    /// </summary>
    private async Task WaitForWorkerToCatchUpAsync(string connection)
    {
        var url = MongoUrl.Create(connection);
        var leads = new MongoClient(url).GetDatabase(url.DatabaseName ?? "next_level_real_estate").GetCollection<BsonDocument>("leads");
        var watch = Stopwatch.StartNew();
        long due;
        do
        {
            due = await leads.CountDocumentsAsync(new BsonDocument("nextFollowUp", new BsonDocument("$lte", DateTime.UtcNow)));
            if (due <= 20) break;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        while (watch.Elapsed < TimeSpan.FromMinutes(3));
        await File.AppendAllTextAsync(Path.Combine(ArtifactsDirectory, "timings.txt"),
            $"worker caught up with the snapshot's due follow-ups ({due} left)\t{watch.ElapsedMilliseconds} ms\n");
    }

    /// <summary>The connection string the AppHost gave the Api.</summary>
    private async Task<string> MongoConnectionStringAsync()
    {
        using var ops = new HttpClient { BaseAddress = App.DashboardUrl };
        var environment = await ops.GetFromJsonAsync<JsonElement>("api/resources/api/environment");
        return environment.EnumerateArray().First(e => e.GetProperty("name").GetString() == "ConnectionStrings__mongodb").GetProperty("value").GetString()!;
    }

    private static async Task<string> RunApiCommandAsync(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(new Projects.NextLevel_Api().TargetPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__mongodb"] = connectionString;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Three minutes, plus one per 20,000 seeded leads (NEXTLEVEL_E2E_LEADS=100000 seeds for several minutes in Debug).
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3 + SeededLeads / 20_000));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"NextLevel.Api {arguments[0]} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    /// <summary>Each resource's console log (the engine's slow-query lines among them) beside the screenshots.</summary>
    private async Task SaveConsoleLogsAsync()
    {
        try
        {
            foreach (var resource in await App.GetResourcesAsync())
            {
                var lines = await App.ReadConsoleLogAsync(resource.Name, TimeSpan.FromSeconds(1));
                await File.WriteAllLinesAsync(Path.Combine(ArtifactsDirectory, $"{resource.Name}.log"), lines);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException)
        {
            // The logs are an aid for reading a run; a failure to save them must not fail it.
            await File.WriteAllTextAsync(Path.Combine(ArtifactsDirectory, "console-logs-error.txt"), e.ToString());
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null)
        {
            await SaveConsoleLogsAsync();
            await App.DisposeAsync();
        }
        if (_copiedDataDirectory is not null) Directory.Delete(_copiedDataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SeededSystemCollection : ICollectionFixture<SeededSystemFixture>
{
    public const string Name = "seeded system";
}
