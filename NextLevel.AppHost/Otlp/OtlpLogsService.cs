using NextLevel.AppHost.Otlp.Model;
using NextLevel.AppHost.Otlp.Proto.Collector.Logs;
using NextLevel.AppHost.Otlp.Storage;

namespace NextLevel.AppHost.Otlp;

/// <summary>Stores an OTLP logs export, whichever transport brought it. [Singleton - ThreadSafe]</summary>
public sealed class OtlpLogsService(TelemetryRepository repository)
{
    private static readonly ExportLogsServiceResponse Accepted = new();

    internal ExportLogsServiceResponse Export(ExportLogsServiceRequest request)
    {
        var maxLength = repository.Limits.MaxAttributeLength;
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = OtlpConverter.ResourceName(resourceLogs.Resource);
            var entries = new List<OtlpLogEntry>();
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scope = OtlpConverter.Intern(scopeLogs.Scope?.Name ?? string.Empty);
                foreach (var record in scopeLogs.LogRecords)
                {
                    var attributes = OtlpConverter.ToAttributes(record.Attributes, maxLength);
                    var timestamp = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
                    entries.Add(new OtlpLogEntry(
                        repository.NextLogSequence(),
                        resource,
                        OtlpConverter.ToTime(timestamp),
                        (int)record.SeverityNumber,
                        OtlpLogEntry.LevelOf((int)record.SeverityNumber),
                        OtlpConverter.Mask("body", OtlpConverter.ToText(record.Body, maxLength)),
                        scope,
                        attributes,
                        OtlpConverter.ToHexId(record.TraceId),
                        OtlpConverter.ToHexId(record.SpanId),
                        ExceptionText(attributes)));
                }
            }
            repository.AddLogs(resource, entries);
        }
        return Accepted;
    }

    /// <summary>The semantic-convention exception attributes as one block: type: message, then the stack trace.</summary>
    private static string? ExceptionText(OtlpAttribute[] attributes)
    {
        string? type = null, message = null, stack = null;
        foreach (var attribute in attributes)
        {
            switch (attribute.Key)
            {
                case "exception.type": type = attribute.Value; break;
                case "exception.message": message = attribute.Value; break;
                case "exception.stacktrace": stack = attribute.Value; break;
            }
        }
        if (stack is not null)
        {
            return stack;
        }
        return type is null && message is null ? null : $"{type}: {message}";
    }
}
