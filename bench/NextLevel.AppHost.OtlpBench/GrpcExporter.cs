using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace NextLevel.AppHost.OtlpBench;

/// <summary>
/// Sends pre-encoded OTLP export bodies over gRPC (HTTP/2 cleartext, length-prefixed frames, the API key header),
/// as the OpenTelemetry .NET exporter does, and returns the latency of each export. [ThreadSafe]
/// </summary>
internal sealed class GrpcExporter(Uri endpoint, string apiKey) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }) { Timeout = TimeSpan.FromSeconds(10) };

    public const string TracesPath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    public const string LogsPath = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";

    public async Task<TimeSpan> ExportAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        var frame = new byte[body.Length + 5];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path)) 
        {
            Content = new ByteArrayContent(frame),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.Add("x-otlp-api-key", apiKey);

        var started = Stopwatch.GetTimestamp();
        using var response = await _client.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.First()
            : response.Headers.TryGetValues("grpc-status", out var headerValues) ? headerValues.First() : "?";
        if (status != "0")
        {
            throw new InvalidOperationException($"Export to {path} failed: HTTP {(int)response.StatusCode} {response.Version}, grpc-status {status}: {System.Text.Encoding.UTF8.GetString(answer)} {response.Headers}");
        }
        return elapsed;
    }

    public void Dispose() => _client.Dispose();
}
