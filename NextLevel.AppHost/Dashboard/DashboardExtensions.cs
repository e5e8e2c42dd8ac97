using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using NextLevel.AppHost.Dashboard.Api;

namespace NextLevel.AppHost.Dashboard;

/// <summary>
/// The ops page: static files embedded in the AppHost assembly, and the HTTP API they read. A telemetry receiver
/// (OTLP logs, traces, metrics) would add its adapters and pages beside <see cref="ResourcesApi"/>.
/// </summary>
internal static class DashboardExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.WriteIndented = false);

    public static WebApplication MapDashboard(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardExtensions).Assembly, "NextLevel.AppHost.Dashboard.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapResourcesApi();
        return app;
    }
}
