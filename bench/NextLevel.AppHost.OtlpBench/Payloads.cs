using Google.Protobuf;
using NextLevel.AppHost.Otlp.Proto.Collector.Logs;
using NextLevel.AppHost.Otlp.Proto.Collector.Trace;
using NextLevel.AppHost.Otlp.Proto.Common;
using NextLevel.AppHost.Otlp.Proto.Logs;
using NextLevel.AppHost.Otlp.Proto.Trace;

namespace NextLevel.AppHost.OtlpBench;

/// <summary>
/// Export bodies shaped like the services' own: batches of 512 (the .NET exporter's default batch size), spans of
/// 8-span traces with HTTP and MongoDB attributes, log records with a message template and 5 attributes. Each
/// batch gets fresh trace ids and timestamps, so the repository sees new traces as it would in production.
/// </summary>
internal static class Payloads
{
    public const int BatchSize = 512;
    public const int SpansPerTrace = 8;

    private static long _counter;

    public static byte[] Traces(string service)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "Microsoft.AspNetCore" } };
        var now = (ulong)(DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
        for (var t = 0; t < BatchSize / SpansPerTrace; t++)
        {
            var traceId = Id(16);
            var rootId = Id(8);
            for (var s = 0; s < SpansPerTrace; s++)
            {
                var span = new Span
                {
                    TraceId = traceId,
                    SpanId = s == 0 ? rootId : Id(8),
                    ParentSpanId = s == 0 ? ByteString.Empty : rootId,
                    Name = s == 0 ? "POST /webhooks/leads/zillow" : "insert next_level_real_estate.leads",
                    Kind = s == 0 ? Span.Types.SpanKind.Server : Span.Types.SpanKind.Client,
                    StartTimeUnixNano = now + (ulong)s * 100_000,
                    EndTimeUnixNano = now + (ulong)s * 100_000 + 80_000,
                };
                Add(span.Attributes, s == 0
                    ? [("http.request.method", "POST"), ("url.path", "/webhooks/leads/zillow"), ("http.route", "/webhooks/leads/zillow"),
                       ("http.response.status_code", "201"), ("server.address", "127.0.0.1"), ("network.protocol.version", "1.1")]
                    : [("db.system", "mongodb"), ("db.namespace", "next_level_real_estate"), ("db.collection.name", "leads"),
                       ("db.operation.name", "insert"), ("server.address", "127.0.0.1"), ("server.port", "27017")]);
                scope.Spans.Add(span);
            }
        }
        var resourceSpans = new ResourceSpans { Resource = Resource(service) };
        resourceSpans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request.ToByteArray();
    }

    public static byte[] Logs(string service)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "NextLevel.Api.Intake" } };
        var now = (ulong)(DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
        for (var i = 0; i < BatchSize; i++)
        {
            var record = new LogRecord
            {
                TimeUnixNano = now + (ulong)i * 1000,
                SeverityNumber = i % 50 == 0 ? SeverityNumber.Warn : SeverityNumber.Info,
                SeverityText = i % 50 == 0 ? "Warning" : "Information",
                Body = new AnyValue { StringValue = $"Lead lead-{Interlocked.Increment(ref _counter)} received from zillow, campaign cmp-7" },
                TraceId = Id(16),
                SpanId = Id(8),
            };
            Add(record.Attributes, [("LeadId", $"lead-{_counter}"), ("Source", "zillow"), ("CampaignId", "cmp-7"),
                ("{OriginalFormat}", "Lead {LeadId} received from {Source}, campaign {CampaignId}"), ("EventId", "1")]);
            scope.LogRecords.Add(record);
        }
        var resourceLogs = new ResourceLogs { Resource = Resource(service) };
        resourceLogs.ScopeLogs.Add(scope);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(resourceLogs);
        return request.ToByteArray();
    }

    private static NextLevel.AppHost.Otlp.Proto.Resource.Resource Resource(string service)
    {
        var resource = new NextLevel.AppHost.Otlp.Proto.Resource.Resource();
        Add(resource.Attributes, [("service.name", service), ("service.instance.id", "bench"), ("telemetry.sdk.name", "opentelemetry"),
            ("telemetry.sdk.language", "dotnet"), ("telemetry.sdk.version", "1.20.1")]);
        return resource;
    }

    private static void Add(Google.Protobuf.Collections.RepeatedField<KeyValue> attributes, (string Key, string Value)[] values)
    {
        foreach (var (key, value) in values)
        {
            attributes.Add(new KeyValue { Key = key, Value = new AnyValue { StringValue = value } });
        }
    }

    private static ByteString Id(int length)
    {
        Span<byte> bytes = stackalloc byte[length];
        Random.Shared.NextBytes(bytes);
        return ByteString.CopyFrom(bytes);
    }
}
