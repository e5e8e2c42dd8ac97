using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NextLevel.AppHost.Dashboard;
using NextLevel.AppHost.Dashboard.Security;
using NextLevel.AppHost.Otlp;
using NextLevel.AppHost.Hosting.ApplicationModel;
using NextLevel.AppHost.Hosting.Orchestration;
using NextLevel.AppHost.Hosting.Processes;

namespace NextLevel.AppHost.Hosting;

/// <summary>
/// Builds the AppHost: the declared resources plus the services that run them (orchestrator, notifications, logs)
/// the ops page and the OTLP receiver, all in one ASP.NET Core host listening on 127.0.0.1.
/// </summary>
internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly WebApplicationBuilder _host;
    private readonly List<IResource> _resources = [];

    public DistributedApplicationBuilder(string[] args, AppHostOptions options)
    {
        Options = options;
        _host = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(DistributedApplicationBuilder).Assembly.GetName().Name,
        });
        // The ops page (HTTP/1.1), OTLP/gRPC (HTTP/2 without TLS, so HTTP/2 only) and OTLP/HTTP, all on loopback.
        _host.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.DashboardPort);
            kestrel.Listen(IPAddress.Loopback, options.OtlpGrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, options.OtlpHttpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        _host.Logging.ClearProviders();
        _host.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
            console.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        _host.Logging.AddFilter("Microsoft", LogLevel.Warning);
        _host.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        // Start-up failures are reported by DistributedApplication.Run as one line, not as the host's stack trace.
        _host.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    }

    public IConfiguration Configuration => _host.Configuration;

    public AppHostOptions Options { get; }

    public OtlpApiKey OtlpApiKey { get; } = OtlpApiKey.Generate();

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Any(existing => string.Equals(existing.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        }
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build()
    {
        var services = _host.Services;
        services.AddSingleton(Options);
        services.AddSingleton(new DistributedApplicationModel(_resources));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ResourceNotificationService>();
        services.AddSingleton<ResourceLoggerService>();
        services.AddSingleton<ProcessLauncher>();
        services.AddSingleton<PortAllocator>();
        services.AddSingleton<ContainerEngine>();
        services.AddSingleton<ResourceRunnerFactory>();
        services.AddHttpClient(HttpHealthProbe.HttpClientName);
        services.AddHostedService<ApplicationOrchestrator>();
        services.AddOtlpReceiver(_host.Configuration, OtlpApiKey);
        services.AddDashboard(BrowserToken.Generate(Options.DashboardUnsecured));

        var app = _host.Build();
        app.MapDashboard(Options.DashboardPort);
        app.MapOtlpReceiver(Options.OtlpGrpcPort, Options.OtlpHttpPort);
        return new DistributedApplication(app, Options);
    }
}

/// <summary>The declared resources, in declaration order (which is also the order they are listed and started in).</summary>
public sealed record DistributedApplicationModel(IReadOnlyList<IResource> Resources);
