using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using NextLevel.AppHost.Otlp.Model;
using NextLevel.AppHost.Otlp.Storage;

namespace NextLevel.AppHost.Dashboard.Api;

/// <summary>
/// The telemetry the AppHost received, as JSON for the ops page, scripts and tests: structured logs, traces,
/// metrics, and a throttled stream that tells live views when to refresh.
/// </summary>
internal static class TelemetryApi
{
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/logs", GetLogs);
        api.MapGet("/traces", GetTraces);
        api.MapGet("/traces/{traceId}", GetTrace);
        api.MapGet("/metrics", GetMetrics);
        api.MapGet("/telemetry/resources", (TelemetryRepository repository) => TypedResults.Ok(repository.GetResourceNames()));
        api.MapGet("/telemetry/changes", FollowChanges);
        return api;
    }

    /// <summary>Newest first; <c>level</c> is the minimum (Trace … Critical); <c>q</c> searches messages, attribute values and exceptions.</summary>
    public static Results<Ok<PageView<OtlpLogEntry>>, ValidationProblem> GetLogs(
        TelemetryRepository repository, string? resource = null, string? level = null, string? q = null, string? traceId = null, int limit = 100)
    {
        if (level is not null && OtlpLogEntry.LevelRank(level) < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["level"] = [$"level must be one of {string.Join(", ", OtlpLogEntry.Levels)}."],
            });
        }
        var page = repository.GetLogs(new GetLogsContext(Blank(resource), Blank(level), Blank(q), Blank(traceId)?.ToLowerInvariant(), Clamp(limit)));
        return TypedResults.Ok(new PageView<OtlpLogEntry>(page.Items, page.TotalCount));
    }

    public static Ok<PageView<TraceSummaryView>> GetTraces(
        TelemetryRepository repository, string? resource = null, double minDurationMs = 0, int limit = 100)
    {
        var page = repository.GetTraces(new GetTracesContext(Blank(resource), Math.Max(0, minDurationMs), Clamp(limit)));
        return TypedResults.Ok(new PageView<TraceSummaryView>(page.Items.Select(TraceSummaryView.From).ToArray(), page.TotalCount));
    }

    public static Results<Ok<TraceView>, NotFound> GetTrace(string traceId, TelemetryRepository repository) =>
        repository.GetTrace(traceId.ToLowerInvariant()) is { } trace ? TypedResults.Ok(TraceView.From(trace)) : TypedResults.NotFound();

    /// <summary>Instruments with each series' latest value; <c>instrument</c> narrows to one and adds its points over the window.</summary>
    public static Ok<MetricView[]> GetMetrics(TelemetryRepository repository, string? resource = null, string? instrument = null) =>
        TypedResults.Ok(repository.GetInstruments(Blank(resource), Blank(instrument)).Select(MetricView.From).ToArray());

    /// <summary>Server-sent events named logs, traces or metrics, at most one per signal every 100 ms.</summary>
    public static ServerSentEventsResult<string> FollowChanges(TelemetryRepository repository, HttpContext context, IHostApplicationLifetime lifetime) =>
        TypedResults.ServerSentEvents(Changes(repository, lifetime.ApplicationStopping, context.RequestAborted));

    private static async IAsyncEnumerable<SseItem<string>> Changes(
        TelemetryRepository repository, CancellationToken applicationStopping, [EnumeratorCancellation] CancellationToken requestAborted = default)
    {
        using var end = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, applicationStopping);
        var changes = Channel.CreateBounded<string>(new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest });
        using var logs = repository.Subscribe(TelemetrySignal.Logs, () => changes.Writer.TryWrite("logs"));
        using var traces = repository.Subscribe(TelemetrySignal.Traces, () => changes.Writer.TryWrite("traces"));
        using var metrics = repository.Subscribe(TelemetrySignal.Metrics, () => changes.Writer.TryWrite("metrics"));
        while (true)
        {
            string signal;
            try
            {
                signal = await changes.Reader.ReadAsync(end.Token);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            yield return new SseItem<string>(signal, signal);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int Clamp(int limit) => Math.Clamp(limit, 1, MaxLimit);
}
