using Grpc.Core;
using NextLevel.AppHost.Otlp.Proto.Collector.Metrics;

namespace NextLevel.AppHost.Otlp.Grpc;

/// <summary>OTLP/gRPC metrics: the generated service over <see cref="OtlpMetricsService"/>.</summary>
internal sealed class OtlpGrpcMetricsService(OtlpMetricsService metrics) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context) =>
        Task.FromResult(metrics.Export(request));
}
