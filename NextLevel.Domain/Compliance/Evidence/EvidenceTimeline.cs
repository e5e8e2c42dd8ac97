using System.Globalization;

namespace NextLevel.Domain.Compliance.Evidence;

/// <summary>
/// Merges the package's sections into one story, oldest first. Events at the same instant keep the order in which
/// they happen in the business (consent, list and number checks, the decision and the attempt, the call, its end).
/// </summary>
public static class EvidenceTimeline
{
    public static IReadOnlyList<EvidenceEvent> Build(EvidencePackage p)
    {
        var events = new List<(EvidenceEvent Event, int Rank)>();
        void Add(DateTime at, int rank, string kind, string summary, string reference) => events.Add((new EvidenceEvent(at, kind, summary, reference), rank));

        foreach (var c in p.NationalListCopies)
            Add(c.ImportedAt, 0, "national_list_imported", Invariant($"National Do-Not-Call list copy imported ({c.Numbers} numbers in force)"), "system_config:compliance.dncImports");
        foreach (var c in p.Consents)
            Add(c.GivenAt, 1, "consent_granted",
                $"Consent given ({c.Method ?? "unknown method"}, source {c.Source ?? "unknown"}) for {Allowed(c)}; IP {c.IpAddress ?? "not recorded"}; text: \"{c.ConsentText}\"",
                "consent_logs:" + c.ConsentLogId);
        foreach (var r in p.Revocations)
            Add(r.At, 2, r.EventType, Revocation(r), "consent_logs:" + r.ConsentLogId);
        foreach (var d in p.DncEntries)
        {
            var list = d.State is null ? d.Source : d.Source + " " + d.State;
            Add(d.AddedAt, 2, "dnc_entry_added", $"Number on the {list} Do-Not-Call list{(d.Reason is null ? "" : " (" + d.Reason + ")")}", "dnc_registry:" + d.Phone + ":" + d.Source);
            if (d.EndedAt is { } ended) Add(ended, 2, "dnc_entry_ended", $"Number's {list} Do-Not-Call entry ended", "dnc_registry:" + d.Phone + ":" + d.Source);
        }
        foreach (var r in p.ReassignedChecks)
            Add(r.CheckedAt, 3, "reassigned_number_check", $"Reassigned Numbers Database check: {r.Result} (consent date {r.ConsentDate:yyyy-MM-dd}, provider {r.Provider ?? "unknown"})", "consent_logs:" + r.ConsentLogId);
        foreach (var a in p.Attempts)
            Add(a.At, 4, "contact_attempt", Attempt(a), "leads:" + a.LeadId + ":contactAttempts:" + a.AttemptId);
        foreach (var h in p.Holds)
            Add(h.At, 4, "step_held", $"Step {h.StepKey} held back: {string.Join(", ", h.Reasons)}{(h.Until is { } u ? Invariant($" until {u:yyyy-MM-dd HH:mm} UTC") : "")}", "leads:" + h.LeadId + ":followUp.lastHold");
        foreach (var c in p.Calls)
        {
            Add(c.InitiatedAt, 5, "call_initiated", $"{c.Type} {c.Direction} call {c.CallSid} placed", "calls:" + c.CallId);
            if (c.EndedAt is { } ended)
                Add(ended, 6, "call_ended", Invariant($"Call {c.CallSid} ended ({c.Status}, {c.DurationSeconds?.ToString(CultureInfo.InvariantCulture) ?? "?"} s); recording {c.RecordingUrl ?? "none"}; transcript {c.TranscriptId ?? "none"}"), "calls:" + c.CallId);
        }
        return [.. events.OrderBy(e => e.Event.At).ThenBy(e => e.Rank).ThenBy(e => e.Event.Reference, StringComparer.Ordinal).Select(e => e.Event)];
    }

    private static string Allowed(EvidenceConsent c)
    {
        var what = new List<string>();
        if (c.AutomatedCallsAllowed) what.Add("automated calls");
        if (c.TextMessagesAllowed) what.Add("texts");
        return what.Count == 0 ? "no automated contact" : string.Join(" and ", what);
    }

    private static string Revocation(EvidenceRevocation r) => r.EventType switch
    {
        "consent_revoked" => $"Consent revoked ({r.Origin ?? "unknown origin"}) for {string.Join(", ", r.Channels)}{(r.Evidence is null ? "" : ": \"" + r.Evidence + "\"")}",
        "dnc_added" => $"Do-Not-Call request recorded ({r.Origin ?? "unknown origin"})",
        _ => $"Do-Not-Call entry removed ({r.Origin ?? "unknown origin"})",
    };

    private static string Attempt(EvidenceAttempt a)
    {
        var decision = !a.DecisionRecorded
            ? "no gate decision stored on this attempt"
            : a.Allowed == true
                ? $"gate allowed (consent {a.ConsentLogId ?? "none"}, callee local time {a.CalleeLocalTime ?? "unknown"})"
                : $"gate blocked: {string.Join(", ", a.Reasons)}";
        return $"{a.Channel} attempt ({a.StepKey ?? "manual"}): {a.Outcome}; {decision}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
