using NextLevel.AppHost.Otlp.Model;
using NextLevel.AppHost.Otlp.Proto.Collector.Trace;
using NextLevel.AppHost.Otlp.Proto.Trace;
using NextLevel.AppHost.Otlp.Storage;

namespace NextLevel.AppHost.Otlp;

/// <summary>Stores an OTLP traces export, whichever transport brought it. [Singleton - ThreadSafe]</summary>
public sealed class OtlpTraceService(TelemetryRepository repository)
{
    private static readonly ExportTraceServiceResponse Accepted = new();

    internal ExportTraceServiceResponse Export(ExportTraceServiceRequest request)
    {
        var maxLength = repository.Limits.MaxAttributeLength;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = OtlpConverter.ResourceName(resourceSpans.Resource);
            var spans = new List<OtlpSpan>();
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = OtlpConverter.Intern(scopeSpans.Scope?.Name ?? string.Empty);
                foreach (var span in scopeSpans.Spans)
                {
                    if (OtlpConverter.ToHexId(span.TraceId) is not { } traceId || OtlpConverter.ToHexId(span.SpanId) is not { } spanId)
                    {
                        continue;
                    }
                    spans.Add(new OtlpSpan(
                        traceId,
                        spanId,
                        OtlpConverter.ToHexId(span.ParentSpanId),
                        resource,
                        scope,
                        OtlpConverter.Intern(span.Name),
                        KindName(span.Kind),
                        OtlpConverter.ToTime(span.StartTimeUnixNano),
                        OtlpConverter.ToTime(Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano)),
                        OtlpConverter.ToAttributes(span.Attributes, maxLength),
                        span.Events.Select(e => new OtlpSpanEvent(OtlpConverter.Intern(e.Name), OtlpConverter.ToTime(e.TimeUnixNano), OtlpConverter.ToAttributes(e.Attributes, maxLength))).ToArray(),
                        StatusName(span.Status?.Code ?? Status.Types.StatusCode.Unset),
                        string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message));
                }
            }
            repository.AddSpans(resource, spans);
        }
        return Accepted;
    }

    private static string KindName(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Server => "Server",
        Span.Types.SpanKind.Client => "Client",
        Span.Types.SpanKind.Producer => "Producer",
        Span.Types.SpanKind.Consumer => "Consumer",
        _ => "Internal",
    };

    private static string StatusName(Status.Types.StatusCode code) => code switch
    {
        Status.Types.StatusCode.Ok => "Ok",
        Status.Types.StatusCode.Error => "Error",
        _ => "Unset",
    };
}
