using Grpc.Core;
using NextLevel.AppHost.Otlp.Proto.Collector.Logs;

namespace NextLevel.AppHost.Otlp.Grpc;

/// <summary>OTLP/gRPC logs: the generated service over <see cref="OtlpLogsService"/>.</summary>
internal sealed class OtlpGrpcLogsService(OtlpLogsService logs) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context) =>
        Task.FromResult(logs.Export(request));
}
