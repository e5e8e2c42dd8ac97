using Google.Protobuf;
using NextLevel.AppHost.Otlp.Proto.Collector.Logs;
using NextLevel.AppHost.Otlp.Proto.Collector.Trace;
using NextLevel.AppHost.Otlp.Proto.Common;
using NextLevel.AppHost.Otlp.Proto.Logs;
using NextLevel.AppHost.Otlp.Proto.Trace;

namespace NextLevel.AppHost.Tests.Otlp;

/// <summary>OTLP requests built directly, for storage tests that need exact counts and times.</summary>
internal static class OtlpMessages
{
    public static ExportLogsServiceRequest Logs(string service, int count, string message = "lead {LeadId} scored", ulong startNanos = 1_700_000_000_000_000_000)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "tests" } };
        for (var i = 0; i < count; i++)
        {
            var record = new LogRecord
            {
                TimeUnixNano = startNanos + (ulong)i * 1_000_000,
                SeverityNumber = SeverityNumber.Info,
                Body = new AnyValue { StringValue = message },
            };
            record.Attributes.Add(new KeyValue { Key = "LeadId", Value = new AnyValue { StringValue = $"lead-{i}" } });
            record.Attributes.Add(new KeyValue { Key = "Index", Value = new AnyValue { IntValue = i } });
            scope.LogRecords.Add(record);
        }
        var resourceLogs = new ResourceLogs { Resource = Resource(service) };
        resourceLogs.ScopeLogs.Add(scope);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(resourceLogs);
        return request;
    }

    public static byte[] LogsRequest(string service, int count) => Logs(service, count).ToByteArray();

    /// <summary><paramref name="traces"/> traces of <paramref name="spansPerTrace"/> spans each (a root and its children).</summary>
    public static ExportTraceServiceRequest Traces(string service, int traces, int spansPerTrace, int firstTrace = 0)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "tests" } };
        for (var t = 0; t < traces; t++)
        {
            var traceId = Id(16, firstTrace + t + 1);
            for (var s = 0; s < spansPerTrace; s++)
            {
                var start = 1_700_000_000_000_000_000UL + (ulong)(firstTrace + t) * 1_000_000_000 + (ulong)s * 1_000_000;
                var span = new Span
                {
                    TraceId = traceId,
                    SpanId = Id(8, s + 1),
                    ParentSpanId = s == 0 ? ByteString.Empty : Id(8, 1),
                    Name = s == 0 ? "GET /health" : $"find {s}",
                    Kind = s == 0 ? Span.Types.SpanKind.Server : Span.Types.SpanKind.Client,
                    StartTimeUnixNano = start,
                    EndTimeUnixNano = start + (s == 0 ? 5_000_000UL : 1_000_000UL),
                };
                span.Attributes.Add(new KeyValue { Key = "http.route", Value = new AnyValue { StringValue = "/health" } });
                scope.Spans.Add(span);
            }
        }
        var resourceSpans = new ResourceSpans { Resource = Resource(service) };
        resourceSpans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request;
    }

    private static NextLevel.AppHost.Otlp.Proto.Resource.Resource Resource(string service)
    {
        var resource = new NextLevel.AppHost.Otlp.Proto.Resource.Resource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } });
        resource.Attributes.Add(new KeyValue { Key = "service.instance.id", Value = new AnyValue { StringValue = Guid.NewGuid().ToString("N") } });
        return resource;
    }

    private static ByteString Id(int length, int value)
    {
        var bytes = new byte[length];
        BitConverter.TryWriteBytes(bytes.AsSpan(length - 4), value);
        bytes[0] = 0xab;
        return ByteString.CopyFrom(bytes);
    }
}
