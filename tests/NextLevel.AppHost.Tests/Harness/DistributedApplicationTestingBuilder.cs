using System.Diagnostics;
using NextLevel.AppHost.Hosting.ApplicationModel;
using NextLevel.AppHost.Hosting.Processes;

namespace NextLevel.AppHost.Tests.Harness;

/// <summary>
/// Plays the role of Aspire.Hosting.Testing's builder: starts the AppHost program as a user would (its own build
/// output, its own Program.cs graph), with the embedded MongoDB engine on a temporary data directory and the ops
/// page on a free port, and hands back a <see cref="TestDistributedApplication"/> to wait on, call and dispose.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    // One launcher for the test process: children bound to its life (see ProcessLauncher) die with the test host.
    private static readonly ProcessLauncher Launcher = new();
    private static readonly PortAllocator Ports = new();

    /// <param name="dataDirectory">A data directory to reuse (e.g. across two runs); by default a new temporary one, deleted at dispose.</param>
    /// <param name="arguments">More command-line arguments for the AppHost (<c>--ConnectionStrings:mongodb=...</c>).</param>
    public static Task<TestDistributedApplication> StartAsync<TAppHost>(string? dataDirectory = null, params string[] arguments)
        where TAppHost : IProjectMetadata, new() =>
        StartAsync<TAppHost>(new Dictionary<string, string>(), dataDirectory, arguments);

    /// <param name="environment">Variables for the AppHost process, which its services inherit (e.g. a webhook secret).</param>
    public static async Task<TestDistributedApplication> StartAsync<TAppHost>(
        IReadOnlyDictionary<string, string> environment, string? dataDirectory = null, params string[] arguments)
        where TAppHost : IProjectMetadata, new()
    {
        var appHost = new TAppHost().TargetPath;
        var ownsDataDirectory = dataDirectory is null;
        dataDirectory ??= CreateTemporaryDataDirectory();
        var dashboardPort = Ports.Allocate();
        var otlpGrpcPort = Ports.Allocate();
        var otlpHttpPort = Ports.Allocate();

        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(appHost)! };
        foreach (var argument in (string[])[appHost, "--mongo", "embedded", "--data-dir", dataDirectory, "--dashboard-port", $"{dashboardPort}",
            "--otlp-grpc-port", $"{otlpGrpcPort}", "--otlp-http-port", $"{otlpHttpPort}", .. UnsecuredUnlessTokenAsked(arguments)])
        {
            startInfo.ArgumentList.Add(argument);
        }
        // The tests are about the embedded engine: a developer's own MongoDB settings must not leak in.
        startInfo.Environment.Remove("ConnectionStrings__mongodb");
        startInfo.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var app = new TestDistributedApplication(new Uri($"http://127.0.0.1:{dashboardPort}/"), dataDirectory, ownsDataDirectory);
        var process = await ChildProcess.StartAsync(Launcher, startInfo, app.AppendOutput);
        app.Attach(process);
        await app.WaitForDashboardAsync();
        return app;
    }

    /// <summary>
    /// Tests call the ops page's API directly, so the AppHost runs with <c>--dashboard-unsecured</c>; a test of the
    /// login passes <see cref="SecuredArgument"/> to keep the token.
    /// </summary>
    public const string SecuredArgument = "--test-dashboard-secured";

    private static string[] UnsecuredUnlessTokenAsked(string[] arguments) =>
        arguments.Contains(SecuredArgument) ? arguments.Where(a => a != SecuredArgument).ToArray() : [.. arguments, "--dashboard-unsecured"];

    public static string CreateTemporaryDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "nextlevel-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
