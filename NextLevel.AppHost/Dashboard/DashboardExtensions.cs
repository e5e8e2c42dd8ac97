using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using NextLevel.AppHost.Dashboard.Api;
using NextLevel.AppHost.Dashboard.Security;

namespace NextLevel.AppHost.Dashboard;

/// <summary>
/// The ops page: static files embedded in the AppHost assembly, and the HTTP API they read — resources
/// (<see cref="ResourcesApi"/>) and the telemetry the OTLP receiver stored (<see cref="TelemetryApi"/>) — behind
/// the login token unless started unsecured.
/// </summary>
internal static class DashboardExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, BrowserToken token) =>
        services
            .AddSingleton(token)
            .ConfigureHttpJsonOptions(json =>
            {
                json.SerializerOptions.WriteIndented = false;
                // Services may report NaN or infinity (a rate over zero calls); the JSON must still be written whole.
                json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
            });

    public static WebApplication MapDashboard(this WebApplication app, int dashboardPort)
    {
        var token = app.Services.GetRequiredService<BrowserToken>();
        app.UseDashboardLogin(token, dashboardPort);
        var files = new EmbeddedFileProvider(typeof(DashboardExtensions).Assembly, "NextLevel.AppHost.Dashboard.wwwroot");
        // The page and its API answer on the dashboard port only, not on the OTLP receiver's ports.
        app.UseWhen(context => context.Connection.LocalPort == dashboardPort, page => page
            .UseDefaultFiles(new DefaultFilesOptions { FileProvider = files })
            .UseStaticFiles(new StaticFileOptions { FileProvider = files }));
        var host = $"*:{dashboardPort}";
        app.MapResourcesApi().RequireHost(host);
        app.MapTelemetryApi().RequireHost(host);
        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(token.Unsecured
            ? $"Ops page (unsecured): http://127.0.0.1:{dashboardPort}/"
            : $"Login to the dashboard at {token.LoginUrl(dashboardPort)}"));
        return app;
    }
}
