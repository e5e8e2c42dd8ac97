using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NextLevel.AppHost.Otlp.Proto.Collector.Logs;
using NextLevel.AppHost.Otlp.Proto.Collector.Metrics;
using NextLevel.AppHost.Otlp.Proto.Collector.Trace;

namespace NextLevel.AppHost.Otlp.Http;

/// <summary>
/// OTLP/HTTP with protobuf bodies (optionally gzip): <c>POST /v1/logs</c>, <c>/v1/traces</c>, <c>/v1/metrics</c>,
/// thin adapters over the Otlp*Service exports. A missing API key answers 401, another content type 415.
/// </summary>
internal static class OtlpHttpEndpointsBuilder
{
    public const string ProtobufContentType = "application/x-protobuf";

    /// <summary>The largest body accepted, after decompression (the .NET exporter batches 512 items).</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public static void MapOtlpHttpEndpoints(this IEndpointRouteBuilder endpoints, string requiredHost)
    {
        var group = endpoints.MapGroup("/v1").RequireHost(requiredHost);
        group.MapPost("/logs", (HttpContext context, OtlpLogsService logs, OtlpApiKey key) =>
            HandleAsync(context, key, ExportLogsServiceRequest.Parser, logs.Export));
        group.MapPost("/traces", (HttpContext context, OtlpTraceService traces, OtlpApiKey key) =>
            HandleAsync(context, key, ExportTraceServiceRequest.Parser, traces.Export));
        group.MapPost("/metrics", (HttpContext context, OtlpMetricsService metrics, OtlpApiKey key) =>
            HandleAsync(context, key, ExportMetricsServiceRequest.Parser, metrics.Export));
    }

    private static async Task<IResult> HandleAsync<TRequest, TResponse>(
        HttpContext context, OtlpApiKey key, MessageParser<TRequest> parser, Func<TRequest, TResponse> export)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        if (!key.IsValid(context.Request.Headers[OtlpApiKey.HeaderName]))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: $"Missing or wrong {OtlpApiKey.HeaderName} header.");
        }
        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: $"Only {ProtobufContentType} is accepted.");
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(context.Request, context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The gzip body is not valid.");
        }
        if (body.Length > MaxBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"Bodies are limited to {MaxBodyBytes} bytes.");
        }

        TRequest request;
        try
        {
            request = parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body is not a valid OTLP protobuf message.");
        }
        return Results.Bytes(export(request).ToByteArray(), ProtobufContentType);
    }

    /// <summary>Reads at most one byte past the limit, so an oversized (or zip-bomb) body is refused without reading it all.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var gzip = string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase);
        await using var source = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : request.Body;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                break;
            }
        }
        return buffer.ToArray();
    }
}
