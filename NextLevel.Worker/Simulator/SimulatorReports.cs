using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NextLevel.Worker.Channels;

namespace NextLevel.Worker.Simulator;

/// <summary>A webhook request the simulator will send when it is due.</summary>
/// <param name="Kind">twilio (form) or elevenlabs (JSON).</param>
public sealed record SimulatorReport(DateTimeOffset DueAt, string Kind, string CallId, IReadOnlyList<KeyValuePair<string, string>>? Form, string? Json, int Attempts = 0);

/// <summary>
/// Turns a simulated call into the provider's reports, spaced as the call unfolds (sped up by
/// <see cref="SimulatorOptions.Speedup"/>): Twilio's initiated, ringing, in-progress and final status callbacks,
/// then ElevenLabs' post_call_transcription for answered calls. The sending loop takes them when due.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class SimulatorReports(IOptions<SimulatorOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>The least time between a hand-off and its first report.</summary>
    public static readonly TimeSpan ReportDelay = TimeSpan.FromSeconds(1);

    private readonly PriorityQueue<SimulatorReport, DateTimeOffset> _queue = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _signal = new(0);

    public int Pending { get { lock (_lock) return _queue.Count; } }

    public void Enqueue(OutboundCallRequest request, CallPlacement placement, SimulatedCall call)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(call);
        var o = options.Value;
        var start = time.GetUtcNow();
        // Reports start a moment after the hand-off, once the engine has recorded the call they refer to.
        TimeSpan Scaled(int seconds) => ReportDelay + TimeSpan.FromSeconds(seconds / Math.Max(1, o.Speedup));
        var sequence = 0;
        var reports = new List<SimulatorReport>();
        void Status(TimeSpan after, string status, int? duration, string? answeredBy)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("AccountSid", o.AccountSid), new("ApiVersion", "2010-04-01"), new("CallSid", placement.CallSid),
                new("CallStatus", status), new("CallbackSource", "call-progress-events"), new("Direction", "outbound-api"),
                new("From", request.From), new("To", request.To), new("SequenceNumber", (sequence++).ToString(CultureInfo.InvariantCulture)),
                new("Timestamp", (start + after).ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)),
            };
            if (duration is { } d) { form.Add(new("CallDuration", d.ToString(CultureInfo.InvariantCulture))); form.Add(new("Duration", ((d + 59) / 60).ToString(CultureInfo.InvariantCulture))); }
            if (answeredBy is not null) form.Add(new("AnsweredBy", answeredBy));
            reports.Add(new SimulatorReport(start + Scaled((int)after.TotalSeconds), "twilio", request.CallId, form, null));
        }

        Status(TimeSpan.Zero, "initiated", null, null);
        Status(TimeSpan.FromSeconds(1), "ringing", null, null);
        var answeredAt = TimeSpan.FromSeconds(1 + call.RingSeconds);
        switch (call.End)
        {
            case SimulatedCallEnd.Conversation or SimulatedCallEnd.Voicemail:
                var by = call.End == SimulatedCallEnd.Conversation ? "human" : "machine_end_beep";
                Status(answeredAt, "in-progress", null, by);
                var endedAt = answeredAt + TimeSpan.FromSeconds(call.DurationSeconds);
                Status(endedAt, "completed", call.DurationSeconds, by);
                if (call.End == SimulatedCallEnd.Conversation)
                    reports.Add(new SimulatorReport(start + Scaled((int)endedAt.TotalSeconds + 2), "elevenlabs", request.CallId, null, PostCall(request, placement, call, start + answeredAt, start + endedAt)));
                break;
            case SimulatedCallEnd.Busy:
                Status(answeredAt, "busy", 0, null);
                break;
            case SimulatedCallEnd.Failed:
                Status(TimeSpan.FromSeconds(1), "failed", 0, null);
                break;
            default:
                Status(answeredAt, "no-answer", 0, null);
                break;
        }

        lock (_lock)
        {
            foreach (var report in reports) _queue.Enqueue(report, report.DueAt);
        }
        _signal.Release();
    }

    /// <summary>Removes and returns the reports due at <paramref name="now"/>; <paramref name="nextDue"/> is the next one's time.</summary>
    public IReadOnlyList<SimulatorReport> TakeDue(DateTimeOffset now, out DateTimeOffset? nextDue)
    {
        var due = new List<SimulatorReport>();
        lock (_lock)
        {
            while (_queue.TryPeek(out var report, out var at) && at <= now) { _queue.Dequeue(); due.Add(report); }
            nextDue = _queue.TryPeek(out _, out var next) ? next : null;
        }
        return due;
    }

    /// <summary>Puts a report back for a later try (the Api was not reachable).</summary>
    public void Retry(SimulatorReport report, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_lock) _queue.Enqueue(report with { DueAt = at, Attempts = report.Attempts + 1 }, at);
    }

    /// <summary>Waits until a report is queued or <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try { await _signal.WaitAsync(linked.Token); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
    }

    public void Dispose() => _signal.Dispose();

    private static string PostCall(OutboundCallRequest request, CallPlacement placement, SimulatedCall call, DateTimeOffset answeredAt, DateTimeOffset endedAt)
    {
        var body = new
        {
            type = "post_call_transcription",
            event_timestamp = endedAt.ToUnixTimeSeconds(),
            data = new
            {
                agent_id = "agent_simulator",
                conversation_id = placement.ConversationId,
                status = "done",
                transcript = call.Transcript.Select(t => new { role = t.Role, message = t.Message, time_in_call_secs = t.TimeInCallSecs }),
                metadata = new
                {
                    start_time_unix_secs = answeredAt.ToUnixTimeSeconds(),
                    call_duration_secs = call.DurationSeconds,
                    cost = call.Characters,
                    termination_reason = "",
                    phone_call = new { type = "twilio", direction = "outbound", external_number = request.To, agent_number = request.From, call_sid = placement.CallSid },
                },
                analysis = new
                {
                    call_successful = call.Successful ? "success" : "failure",
                    transcript_summary = call.Summary,
                    data_collection_results = DataCollection(call, answeredAt),
                    evaluation_criteria_results = new Dictionary<string, object>(),
                },
                conversation_initiation_client_data = new
                {
                    dynamic_variables = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["lead_id"] = request.LeadId,
                        ["call_id"] = request.CallId,
                        ["sentiment"] = call.Sentiment.ToString("0.00", CultureInfo.InvariantCulture),
                    },
                },
            },
        };
        return JsonSerializer.Serialize(body);
    }

    /// <summary>
    /// The agent's findings as ElevenLabs reports data-collection items: keyed by id, each with its id, value and the
    /// agent's rationale. Callback and site-visit times are ISO 8601 instants after the call.
    /// </summary>
    private static Dictionary<string, object> DataCollection(SimulatedCall call, DateTimeOffset answeredAt)
    {
        var items = new Dictionary<string, object>(StringComparer.Ordinal);
        void Add(string id, object? value, string rationale)
        {
            if (value is not null) items[id] = new { data_collection_id = id, value, rationale };
        }

        Add("sentiment", call.Sentiment, "Overall tone of the owner across the conversation.");
        if (call.Findings is not { } f) return items;
        static string Instant(DateTimeOffset at) => new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        Add("outcome", f.Outcome, call.Summary);
        Add("callback_at", f.CallbackAfter is { } callback ? Instant(answeredAt.ToUniversalTime() + callback) : null, "The owner asked to be called back.");
        Add("site_visit_at", f.SiteVisitAfter is { } visit ? Instant(answeredAt.ToUniversalTime() + visit) : null, "The owner agreed to a site visit.");
        Add("property_condition", f.PropertyCondition, "The owner described repairs the property needs.");
        Add("motivation_factors", f.MotivationFactors.Count > 0 ? f.MotivationFactors : null, "Why the owner wants to sell.");
        Add("timeframe", f.Timeframe, "When the owner needs to sell.");
        Add("price_expectation", f.PriceExpectation, "The price the owner mentioned.");
        return items;
    }
}
