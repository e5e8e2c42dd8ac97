using Grpc.Core;
using NextLevel.AppHost.Otlp.Proto.Collector.Trace;

namespace NextLevel.AppHost.Otlp.Grpc;

/// <summary>OTLP/gRPC traces: the generated service over <see cref="OtlpTraceService"/>.</summary>
internal sealed class OtlpGrpcTraceService(OtlpTraceService traces) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context) =>
        Task.FromResult(traces.Export(request));
}
