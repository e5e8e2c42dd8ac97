using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;

namespace NextLevel.AppHost.Hosting;

/// <summary>
/// The running application: resources supervised by the orchestrator, and the ops page.
/// <see cref="Run"/> blocks until Ctrl+C or SIGTERM, then stops every resource.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly AppHostOptions _options;

    internal DistributedApplication(WebApplication host, AppHostOptions options)
    {
        _host = host;
        _options = options;
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Starts the builder for <paramref name="args"/>. Bad options end the process with the usage text, because the
    /// AppHost is a command-line program and there is nobody to catch an exception.
    /// </summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(AppHostOptions.Usage);
            Environment.Exit(0);
        }
        if (!AppHostOptions.TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine($"NextLevel.AppHost: {error}");
            Console.Error.WriteLine(AppHostOptions.Usage);
            Environment.Exit(2);
        }
        return new DistributedApplicationBuilder(args, options);
    }

    /// <summary>Runs until Ctrl+C or SIGTERM. A busy ops-page or OTLP port ends the AppHost with one line, before any resource starts.</summary>
    public void Run()
    {
        try
        {
            _host.Run();
        }
        catch (IOException exception) when (exception.InnerException is AddressInUseException)
        {
            Console.Error.WriteLine(
                $"NextLevel.AppHost: port {_options.DashboardPort} of the ops page, {_options.OtlpGrpcPort} or {_options.OtlpHttpPort} of the OTLP receiver "
                + "is in use (another AppHost?): stop it, or pass --dashboard-port, --otlp-grpc-port or --otlp-http-port <n>.");
            Environment.Exit(1);
        }
    }

    public Task RunAsync(CancellationToken cancellationToken = default) => HostingAbstractionsHostExtensions.RunAsync(_host, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken = default) => _host.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
