using System.Globalization;
using NextLevel.AppHost.Hosting.ApplicationModel;
using NextLevel.AppHost.Otlp;

namespace NextLevel.AppHost.Hosting;

public static class OtlpResourceBuilderExtensions
{
    /// <summary>
    /// Points the resource's OpenTelemetry exporter at the AppHost's OTLP/gRPC receiver with this run's API key, and
    /// exports every second so the ops page is live. When the AppHost itself is given OTEL_EXPORTER_OTLP_ENDPOINT
    /// (an external collector), that endpoint is passed on instead and nothing here is set.
    /// </summary>
    public static IResourceBuilder<T> WithOtlpExporter<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithEnvironment
    {
        var application = builder.ApplicationBuilder;
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context =>
        {
            if (!string.IsNullOrWhiteSpace(application.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                return;
            }
            var port = application.Options.OtlpGrpcPort.ToString(CultureInfo.InvariantCulture);
            context.Variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}";
            context.Variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
            context.Variables["OTEL_EXPORTER_OTLP_HEADERS"] = $"{OtlpApiKey.HeaderName}={application.OtlpApiKey.Value}";
            context.Variables["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            context.Variables["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            context.Variables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }));
    }
}
