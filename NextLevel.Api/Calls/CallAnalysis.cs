using System.Globalization;
using System.Text.Json;
using NextLevel.Domain.Calls;

namespace NextLevel.Api.Calls;

/// <summary>
/// What a post-call event says about the call, in our document shapes. The agent reports its findings as ElevenLabs
/// data-collection items (see docs/integrations.md): outcome, callback_at, sentiment, property_condition,
/// motivation_factors, timeframe, price_expectation, competing_offers, agent_involved, decision_makers, site_visit_at.
/// Talk times come from the transcript's turn times.
/// </summary>
public static class CallAnalysis
{
    public static CallOutcome? Outcome(PostCallEvent e) => e.CollectedString("outcome")?.Trim().ToLowerInvariant() switch
    {
        "qualified" => CallOutcome.Qualified,
        "not_interested" => CallOutcome.NotInterested,
        "callback" => CallOutcome.Callback,
        "voicemail" => CallOutcome.Voicemail,
        "wrong_number" => CallOutcome.WrongNumber,
        _ => null,
    };

    public static DateTime? CallbackAt(PostCallEvent e) => Date(e.CollectedString("callback_at"));

    public static DateTime? SiteVisitAt(PostCallEvent e) => Date(e.CollectedString("site_visit_at"));

    /// <summary>-1..1 from the agent's sentiment item; null when it reported none.</summary>
    public static double? SentimentScore(PostCallEvent e) => e.CollectedNumber("sentiment") is { } s && !double.IsNaN(s) ? Math.Clamp(s, -1, 1) : null;

    /// <summary>Duration from the event, else the last turn's time.</summary>
    public static int Duration(PostCallEvent e) => e.DurationSeconds ?? (e.Turns.Count == 0 ? 0 : (int)Math.Ceiling(e.Turns[^1].Seconds));

    /// <summary>Each turn lasts until the next one starts (the last until the call ends); silence is what remains.</summary>
    public static ConversationMetrics Metrics(PostCallEvent e)
    {
        var duration = Duration(e);
        double agent = 0, user = 0;
        for (var i = 0; i < e.Turns.Count; i++)
        {
            var end = i + 1 < e.Turns.Count ? e.Turns[i + 1].Seconds : Math.Max(duration, e.Turns[i].Seconds);
            var length = Math.Max(0, end - e.Turns[i].Seconds);
            if (e.Turns[i].Speaker == Speaker.Agent) agent += length;
            else user += length;
        }

        return new ConversationMetrics
        {
            AgentTalkTime = Math.Round(agent, 2),
            UserTalkTime = Math.Round(user, 2),
            TurnCount = e.Turns.Count,
            AvgTurnDuration = e.Turns.Count == 0 ? 0 : Math.Round((agent + user) / e.Turns.Count, 2),
            SilenceDuration = Math.Round(Math.Max(0, duration - agent - user), 2),
            InterruptionCount = 0,
        };
    }

    public static ExtractedInfo Extracted(PostCallEvent e) => new()
    {
        PropertyCondition = e.CollectedString("property_condition"),
        MotivationFactors = List(e.Collected("motivation_factors")),
        Timeframe = e.CollectedString("timeframe"),
        PriceExpectation = e.CollectedNumber("price_expectation") is { } p && p >= 0 && p < 1e12 ? (decimal)p : null,
        CompetingOffers = e.CollectedBool("competing_offers"),
        AgentInvolved = e.CollectedBool("agent_involved"),
        DecisionMakers = e.CollectedString("decision_makers"),
    };

    /// <summary>The callee's own words at the moments that matter: a spoken revocation, a callback request, a commitment.</summary>
    public static List<KeyMoment> KeyMoments(PostCallEvent e, CallOutcome? outcome, string? revocation)
    {
        var moments = new List<KeyMoment>();
        if (revocation is not null) moments.Add(MomentAt(e, revocation, "revocation"));
        var lastUser = e.Turns.LastOrDefault(t => t.Speaker == Speaker.User);
        if (lastUser is not null && outcome is CallOutcome.Callback) moments.Add(MomentAt(e, lastUser.Text, "callback_request"));
        if (lastUser is not null && outcome is CallOutcome.Qualified) moments.Add(MomentAt(e, lastUser.Text, "commitment"));
        return moments;
    }

    public static List<FollowUpAction> FollowUps(PostCallEvent e, CallOutcome? outcome)
    {
        var actions = new List<FollowUpAction>();
        if (outcome is CallOutcome.Callback && CallbackAt(e) is { } callback) actions.Add(new FollowUpAction { Type = "callback", ScheduledFor = callback });
        if (SiteVisitAt(e) is { } visit) actions.Add(new FollowUpAction { Type = "site_visit", ScheduledFor = visit });
        return actions;
    }

    /// <summary>Characters the agent spoke: what ElevenLabs synthesised.</summary>
    public static int AgentCharacters(PostCallEvent e) => e.Turns.Where(t => t.Speaker == Speaker.Agent).Sum(t => t.Text.Length);

    private static KeyMoment MomentAt(PostCallEvent e, string userText, string type)
    {
        var index = e.Turns.ToList().FindIndex(t => t.Speaker == Speaker.User && t.Text == userText);
        var reply = index >= 0 ? e.Turns.Skip(index + 1).FirstOrDefault(t => t.Speaker == Speaker.Agent) : null;
        return new KeyMoment { Type = type, Timestamp = index >= 0 ? e.Turns[index].Seconds : 0, UserText = userText, AgentResponse = reply?.Text };
    }

    private static DateTime? Date(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.UtcDateTime : null;

    private static List<string> List(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Array } a => [.. a.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!.Trim()).Where(s => s.Length > 0)],
        { ValueKind: JsonValueKind.String } s => [.. s.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        _ => [],
    };
}
