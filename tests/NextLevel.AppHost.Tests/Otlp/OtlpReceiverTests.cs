using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NextLevel.AppHost.Otlp.Storage;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NextLevel.AppHost.Tests.Otlp;

/// <summary>The standard OpenTelemetry .NET exporter, over gRPC and HTTP/protobuf, into the AppHost's receiver.</summary>
public sealed class OtlpReceiverTests : IAsyncLifetime
{
    private InProcessReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await InProcessReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private Uri Endpoint(OtlpExportProtocol protocol) =>
        protocol == OtlpExportProtocol.Grpc ? _receiver.GrpcEndpoint : _receiver.HttpEndpoint;

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public void Spans_from_the_exporter_are_stored_as_one_trace_with_parents_attributes_events_and_status(OtlpExportProtocol protocol)
    {
        var sourceName = $"tests.{protocol}";
        using var source = Exporters.Source(sourceName);
        string traceId;
        using (var tracer = Exporters.Tracer("api", sourceName, Endpoint(protocol), protocol, _receiver.ApiKey.Value))
        {
            using (var root = source.StartActivity("POST /api/leads", ActivityKind.Server)!)
            {
                traceId = root.TraceId.ToHexString();
                root.SetTag("http.request.method", "POST");
                root.SetTag("db.connection_string", "mongodb://app:hunter2@db:27017/x");
                using (var child = source.StartActivity("insert leads", ActivityKind.Client)!)
                {
                    child.SetTag("db.system", "mongodb");
                    child.AddEvent(new ActivityEvent("retry"));
                    child.SetStatus(ActivityStatusCode.Error, "duplicate key");
                }
            }
            Assert.True(tracer.ForceFlush(5000));
        }

        var trace = _receiver.Repository.GetTrace(traceId);
        Assert.NotNull(trace);
        Assert.Equal(2, trace.Spans.Count);
        var root2 = trace.Root;
        Assert.Equal("POST /api/leads", root2.Name);
        Assert.Equal("api", root2.Resource);
        Assert.Equal("Server", root2.Kind);
        Assert.Contains(root2.Attributes, a => a.Key == "http.request.method" && a.Value == "POST");
        Assert.Contains(root2.Attributes, a => a.Key == "db.connection_string" && a.Value == "mongodb://app:****@db:27017/x");
        var child2 = trace.Spans.Single(s => s != root2);
        Assert.Equal(root2.SpanId, child2.ParentSpanId);
        Assert.Equal("Error", child2.Status);
        Assert.Equal("duplicate key", child2.StatusMessage);
        Assert.Equal("retry", Assert.Single(child2.Events).Name);
        Assert.Equal(1, trace.ErrorCount);
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public void Log_records_keep_level_message_attributes_scope_exception_and_trace_link(OtlpExportProtocol protocol)
    {
        using var source = Exporters.Source($"logs.{protocol}");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string traceId;
        using (var factory = Exporters.Logger("worker", Endpoint(protocol), protocol, _receiver.ApiKey.Value))
        {
            var logger = factory.CreateLogger("NextLevel.Worker.Steps");
            using (var activity = source.StartActivity("step")!)
            {
                traceId = activity.TraceId.ToHexString();
                using (logger.BeginScope(new Dictionary<string, object> { ["LeadId"] = "lead-42" }))
                {
                    logger.LogWarning(new InvalidOperationException("provider down"), "Step {StepId} blocked by {Reason}", "step-7", "quiet_hours");
                }
            }
            logger.LogInformation("An information line");
        }

        var warnings = _receiver.Repository.GetLogs(new GetLogsContext(Resource: "worker", MinimumLevel: "Warning"));
        var entry = Assert.Single(warnings.Items);
        Assert.Equal("Warning", entry.Level);
        Assert.Equal("Step step-7 blocked by quiet_hours", entry.Message);
        Assert.Equal("NextLevel.Worker.Steps", entry.Scope);
        Assert.Contains(entry.Attributes, a => a.Key == "Reason" && a.Value == "quiet_hours");
        Assert.Contains(entry.Attributes, a => a.Key == "LeadId" && a.Value == "lead-42");
        Assert.Contains("provider down", entry.Exception);
        Assert.Equal(traceId, entry.TraceId);

        Assert.Equal(2, _receiver.Repository.GetLogs(new GetLogsContext(Resource: "worker")).TotalCount);
        Assert.Single(_receiver.Repository.GetLogs(new GetLogsContext(Text: "quiet_hours")).Items);
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public void Counters_and_histograms_are_stored_per_dimension_with_their_latest_values(OtlpExportProtocol protocol)
    {
        var meterName = $"NextLevel.Worker.{protocol}";
        using var meter = Exporters.NewMeter(meterName);
        var sent = meter.CreateCounter<long>("nextlevel.steps.sent");
        var speed = meter.CreateHistogram<double>("nextlevel.speed_to_lead", unit: "s");
        using (var provider = Exporters.Meter("worker", meterName, Endpoint(protocol), protocol, _receiver.ApiKey.Value))
        {
            sent.Add(3, new KeyValuePair<string, object?>("channel", "sms"));
            sent.Add(1, new KeyValuePair<string, object?>("channel", "email"));
            speed.Record(4);
            speed.Record(40);
            Assert.True(provider.ForceFlush(5000));
        }

        var instruments = _receiver.Repository.GetInstruments("worker");
        var counter = Assert.Single(instruments, i => i.Name == "nextlevel.steps.sent");
        Assert.Equal("counter", counter.Kind);
        Assert.Equal(2, counter.Series.Count);
        Assert.Equal(3, counter.Series.Single(s => s.Dimensions.Any(d => d.Value == "sms")).Latest!.Value);
        Assert.Equal("histogram", Assert.Single(instruments, i => i.Name == "nextlevel.speed_to_lead").Kind);
        // Cumulative exports (the flush, then the one at dispose) become per-export counts: they add up to the two measurements.
        var points = _receiver.Repository.GetInstruments("worker", "nextlevel.speed_to_lead").Single().Series.Single().Points!;
        Assert.Equal(2, points.Sum(p => p.Value));
        Assert.Equal(44, points.Sum(p => p.Sum));
        Assert.Equal(5, points[0].P50);
        Assert.Equal(50, points[0].P99);
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public void An_export_with_a_wrong_or_missing_key_stores_nothing(OtlpExportProtocol protocol)
    {
        var sourceName = $"refused.{protocol}";
        using var source = Exporters.Source(sourceName);
        foreach (var key in new[] { null, "wrong-key" })
        {
            using var tracer = Exporters.Tracer("intruder", sourceName, Endpoint(protocol), protocol, key);
            source.StartActivity("sneaky")?.Dispose();
            tracer.ForceFlush(5000);
        }

        Assert.Equal(0, _receiver.Repository.CountTraces("intruder"));
    }

    [Fact]
    public async Task Http_exports_without_the_key_answer_401_and_other_content_types_415()
    {
        using var client = new HttpClient { BaseAddress = _receiver.HttpEndpoint };
        using var missing = await client.PostAsync("v1/traces", Protobuf([]));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, missing.StatusCode);

        using var json = new HttpRequestMessage(HttpMethod.Post, "v1/logs") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        json.Headers.Add("x-otlp-api-key", _receiver.ApiKey.Value);
        using var unsupported = await client.SendAsync(json);
        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
    }

    [Fact]
    public async Task Http_exports_accept_gzip_bodies_and_refuse_garbage_with_400()
    {
        using var client = new HttpClient { BaseAddress = _receiver.HttpEndpoint };
        using var gzipped = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            await gzip.WriteAsync(OtlpMessages.LogsRequest("gz", count: 3));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/logs") { Content = Protobuf(gzipped.ToArray()) };
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Add("x-otlp-api-key", _receiver.ApiKey.Value);
        using var accepted = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(3, _receiver.Repository.CountLogs("gz"));

        using var garbage = new HttpRequestMessage(HttpMethod.Post, "v1/logs") { Content = Protobuf([0xff, 0xff, 0xff, 0xff]) };
        garbage.Headers.Add("x-otlp-api-key", _receiver.ApiKey.Value);
        using var refused = await client.SendAsync(garbage);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Grpc_exports_without_the_key_end_with_status_unauthenticated()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_receiver.GrpcEndpoint, "/opentelemetry.proto.collector.logs.v1.LogsService/Export"))
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.Single()
            : response.Headers.GetValues("grpc-status").Single();
        Assert.Equal("16", status);
    }

    [Fact]
    public async Task The_receiver_ports_do_not_serve_the_ops_page_api()
    {
        using var client = new HttpClient { BaseAddress = _receiver.HttpEndpoint };
        using var response = await client.GetAsync("api/logs");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private static ByteArrayContent Protobuf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }
}
