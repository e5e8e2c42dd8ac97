using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NextLevel.AppHost.Dashboard;
using NextLevel.AppHost.Dashboard.Security;
using NextLevel.AppHost.Hosting.ApplicationModel;
using NextLevel.AppHost.Hosting.Processes;
using NextLevel.AppHost.Otlp;
using NextLevel.AppHost.Otlp.Storage;

namespace NextLevel.AppHost.OtlpBench;

/// <summary>The receiver and ops page hosted exactly as the AppHost hosts them (same extension methods), on free ports.</summary>
internal sealed class ReceiverHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReceiverHost(WebApplication app, int dashboardPort, int grpcPort, OtlpApiKey key)
    {
        _app = app;
        Dashboard = new Uri($"http://127.0.0.1:{dashboardPort}/");
        Grpc = new Uri($"http://127.0.0.1:{grpcPort}");
        ApiKey = key;
    }

    public Uri Dashboard { get; }

    public Uri Grpc { get; }

    public OtlpApiKey ApiKey { get; }

    public TelemetryRepository Repository => _app.Services.GetRequiredService<TelemetryRepository>();

    public static async Task<ReceiverHost> StartAsync()
    {
        var ports = new PortAllocator();
        var (dashboardPort, grpcPort, httpPort) = (ports.Allocate(), ports.Allocate(), ports.Allocate());
        var key = OtlpApiKey.Generate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, dashboardPort);
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ResourceNotificationService>();
        builder.Services.AddSingleton<ResourceLoggerService>();
        builder.Services.AddOtlpReceiver(builder.Configuration, key);
        builder.Services.AddDashboard(BrowserToken.Generate(unsecured: true));
        var app = builder.Build();
        app.MapDashboard(dashboardPort);
        app.MapOtlpReceiver(grpcPort, httpPort);
        await app.StartAsync();
        return new ReceiverHost(app, dashboardPort, grpcPort, key);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
