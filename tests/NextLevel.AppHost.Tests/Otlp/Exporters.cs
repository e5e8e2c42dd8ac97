using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NextLevel.AppHost.Tests.Otlp;

/// <summary>The real OpenTelemetry .NET exporter, configured as a service would be, aimed at a receiver.</summary>
internal static class Exporters
{
    public static void Configure(OtlpExporterOptions options, Uri endpoint, OtlpExportProtocol protocol, string signalPath, string? apiKey)
    {
        options.Protocol = protocol;
        // Set in code, the HTTP endpoint is the whole URL; over gRPC it is the server's address.
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, signalPath) : endpoint;
        options.Headers = apiKey is null ? null : $"x-otlp-api-key={apiKey}";
        options.ExportProcessorType = ExportProcessorType.Simple;
        options.TimeoutMilliseconds = 5000;
    }

    public static TracerProvider Tracer(string service, string source, Uri endpoint, OtlpExportProtocol protocol, string? apiKey) =>
        Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service, serviceInstanceId: Guid.NewGuid().ToString("N")))
            .AddSource(source)
            .SetSampler(new AlwaysOnSampler())
            .AddOtlpExporter(options => Configure(options, endpoint, protocol, "v1/traces", apiKey))
            .Build();

    public static ILoggerFactory Logger(string service, Uri endpoint, OtlpExportProtocol protocol, string? apiKey) =>
        LoggerFactory.Create(logging => logging.AddOpenTelemetry(otel =>
        {
            otel.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service));
            otel.IncludeFormattedMessage = true;
            otel.IncludeScopes = true;
            otel.AddOtlpExporter(options => Configure(options, endpoint, protocol, "v1/logs", apiKey));
        }));

    public static MeterProvider Meter(string service, string meter, Uri endpoint, OtlpExportProtocol protocol, string? apiKey) =>
        Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service))
            .AddMeter(meter)
            .AddOtlpExporter((options, reader) =>
            {
                Configure(options, endpoint, protocol, "v1/metrics", apiKey);
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000;
            })
            .Build();

    public static ActivitySource Source(string name) => new(name);

    public static Meter NewMeter(string name) => new(name);
}
