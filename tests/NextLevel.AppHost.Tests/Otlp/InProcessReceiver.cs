using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NextLevel.AppHost.Dashboard;
using NextLevel.AppHost.Dashboard.Security;
using NextLevel.AppHost.Hosting.Processes;
using NextLevel.AppHost.Otlp;
using NextLevel.AppHost.Otlp.Storage;

namespace NextLevel.AppHost.Tests.Otlp;

/// <summary>
/// The AppHost's receiver and ops page in the test process, on free loopback ports, wired as the AppHost wires them
/// (same extension methods), with its own API key and configurable limits.
/// </summary>
public sealed class InProcessReceiver : IAsyncDisposable
{
    private static readonly PortAllocator Ports = new();
    private readonly WebApplication _app;

    private InProcessReceiver(WebApplication app, int dashboardPort, int grpcPort, int httpPort, OtlpApiKey key, BrowserToken token)
    {
        _app = app;
        DashboardPort = dashboardPort;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        ApiKey = key;
        Token = token;
    }

    public int DashboardPort { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public OtlpApiKey ApiKey { get; }

    public BrowserToken Token { get; }

    public Uri DashboardUrl => new($"http://127.0.0.1:{DashboardPort}/");

    public Uri GrpcEndpoint => new($"http://127.0.0.1:{GrpcPort}");

    public Uri HttpEndpoint => new($"http://127.0.0.1:{HttpPort}");

    public TelemetryRepository Repository => _app.Services.GetRequiredService<TelemetryRepository>();

    public static async Task<InProcessReceiver> StartAsync(Action<TelemetryLimitOptions>? limits = null, bool secured = false)
    {
        var (dashboardPort, grpcPort, httpPort) = (Ports.Allocate(), Ports.Allocate(), Ports.Allocate());
        var key = OtlpApiKey.Generate();
        var token = BrowserToken.Generate(unsecured: !secured);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, dashboardPort);
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<NextLevel.AppHost.Hosting.ApplicationModel.ResourceNotificationService>();
        builder.Services.AddSingleton<NextLevel.AppHost.Hosting.ApplicationModel.ResourceLoggerService>();
        builder.Services.AddOtlpReceiver(builder.Configuration, key);
        if (limits is not null)
        {
            builder.Services.Configure(limits);
        }
        builder.Services.AddDashboard(token);
        var app = builder.Build();
        app.MapDashboard(dashboardPort);
        app.MapOtlpReceiver(grpcPort, httpPort);
        await app.StartAsync();
        return new InProcessReceiver(app, dashboardPort, grpcPort, httpPort, key, token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
