using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NextLevel.AppHost.Otlp.Grpc;
using NextLevel.AppHost.Otlp.Http;
using NextLevel.AppHost.Otlp.Storage;

namespace NextLevel.AppHost.Otlp;

/// <summary>
/// The OTLP receiver: gRPC services and HTTP endpoints, each answering only on its own port, over one
/// <see cref="TelemetryRepository"/>.
/// </summary>
public static class OtlpReceiverExtensions
{
    public static IServiceCollection AddOtlpReceiver(this IServiceCollection services, IConfiguration configuration, OtlpApiKey apiKey)
    {
        services.Configure<TelemetryLimitOptions>(configuration.GetSection(TelemetryLimitOptions.SectionName));
        services.AddSingleton(apiKey);
        services.AddSingleton<TelemetryRepository>();
        services.AddSingleton<OtlpLogsService>();
        services.AddSingleton<OtlpTraceService>();
        services.AddSingleton<OtlpMetricsService>();
        services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<OtlpApiKeyInterceptor>();
            grpc.MaxReceiveMessageSize = OtlpHttpEndpointsBuilder.MaxBodyBytes;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOtlpReceiver(this IEndpointRouteBuilder endpoints, int grpcPort, int httpPort)
    {
        var grpcHost = $"*:{grpcPort}";
        endpoints.MapGrpcService<OtlpGrpcLogsService>().RequireHost(grpcHost);
        endpoints.MapGrpcService<OtlpGrpcTraceService>().RequireHost(grpcHost);
        endpoints.MapGrpcService<OtlpGrpcMetricsService>().RequireHost(grpcHost);
        endpoints.MapOtlpHttpEndpoints($"*:{httpPort}");
        return endpoints;
    }
}
