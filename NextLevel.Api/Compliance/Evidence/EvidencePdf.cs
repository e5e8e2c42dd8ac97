using System.Globalization;
using NextLevel.Domain.Compliance.Evidence;
using PdfSharp.Pdf;

namespace NextLevel.Api.Compliance.Evidence;

/// <summary>The evidence package as a PDF (PDFsharp): the story first, then each section with every stored field.</summary>
public static class EvidencePdf
{
    public static void Write(EvidencePackage p, Stream output)
    {
        ArgumentNullException.ThrowIfNull(p);
        EvidenceFontResolver.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = "Compliance evidence package — " + EvidenceFiles.SubjectLabel(p.Subject);
        document.Info.Subject = "TCPA evidence: consent, revocations, Do-Not-Call, reassigned-number checks, contact attempts, calls, consent ledger";
        document.Info.Creator = "NextLevel.Api";
        document.Info.CreationDate = DateTime.SpecifyKind(p.GeneratedAt, DateTimeKind.Utc);

        var flow = new PdfFlow(document, "Evidence package " + EvidenceFiles.SubjectLabel(p.Subject) + ", generated " + Time(p.GeneratedAt));
        flow.Title("Compliance evidence package");
        flow.Field("Subject", EvidenceFiles.SubjectLabel(p.Subject), 0);
        flow.Field("Phone number(s)", p.Subject.Phones.Count == 0 ? "none on record" : string.Join(", ", p.Subject.Phones), 0);
        flow.Field("Generated", Time(p.GeneratedAt) + " (all times UTC unless marked callee-local)", 0);
        flow.Field("Ledger verification", p.Ledger.Verification.Summary, 0);
        flow.Field("Records", Count(p.Consents.Count, "consent") + ", " + Count(p.Revocations.Count, "revocation/DNC event") + ", " + Count(p.DncEntries.Count, "DNC entry", "DNC entries")
            + ", " + Count(p.ReassignedChecks.Count, "reassigned-number check") + ", " + Count(p.Attempts.Count, "contact attempt") + ", " + Count(p.Calls.Count, "call"), 0);

        flow.Heading("1. Leads");
        foreach (var l in p.Leads)
        {
            flow.Field("Lead", $"{l.LeadId} (source {l.Source}, received {Time(l.ReceivedAt)}, status {l.Status}, state {l.State ?? "unknown"})");
            flow.Field("Consent flags now", $"written consent {YesNo(l.HasWrittenConsent)}, automated calls {YesNo(l.AutomatedCallsAllowed)}, texts {YesNo(l.TextMessagesAllowed)}; internal DNC {YesNo(l.InternalDnc)}, national registry {YesNo(l.OnNationalRegistry)}");
        }
        if (p.Leads.Count == 0) flow.Paragraph("No lead carries this number.", 8);

        flow.Heading("2. Timeline");
        foreach (var e in p.Timeline) flow.Field(Time(e.At), e.Summary + "  [" + e.Reference + "]");
        if (p.Timeline.Count == 0) flow.Paragraph("No events.", 8);

        flow.Heading("3. Consent records (exact text shown)");
        foreach (var c in p.Consents)
        {
            flow.Field("Consent", $"{c.ConsentLogId} given {Time(c.GivenAt)} for number {c.Phone ?? "—"}, lead {c.LeadId ?? "—"}");
            flow.Field("Method / source", $"{c.Method ?? "—"} / {c.Source ?? "—"}; origin {c.Origin ?? "—"}; recorded by {c.RecordedBy}");
            flow.Field("Allows", $"automated calls {YesNo(c.AutomatedCallsAllowed)}, texts {YesNo(c.TextMessagesAllowed)}; expires {Time(c.ExpiresAt)}");
            flow.Field("IP address", c.IpAddress);
            flow.Field("User agent", c.UserAgent);
            flow.Field("Text shown", c.ConsentText);
            flow.Space();
        }
        if (p.Consents.Count == 0) flow.Paragraph("No consent on record.", 8);

        flow.Heading("4. Revocations and Do-Not-Call requests");
        foreach (var r in p.Revocations)
        {
            flow.Field(r.EventType, $"{r.ConsentLogId} at {Time(r.At)}; channels {Join(r.Channels)}; origin {r.Origin ?? "—"}; recorded by {r.RecordedBy}");
            if (r.Evidence is not null) flow.Field("Their words", r.Evidence, 16);
        }
        if (p.Revocations.Count == 0) flow.Paragraph("No revocation on record.", 8);

        flow.Heading("5. Do-Not-Call status");
        foreach (var d in p.DncEntries)
            flow.Field(d.Source + (d.State is null ? "" : " " + d.State), $"{d.Phone} added {Time(d.AddedAt)} by {d.AddedBy}; {(d.EndedAt is null ? "in force" : "ended " + Time(d.EndedAt))}; reason {d.Reason ?? "—"}; last imported {Time(d.LastImportedAt)}");
        if (p.DncEntries.Count == 0) flow.Paragraph("The number is on no Do-Not-Call list (internal, national, state or litigator).", 8);
        flow.Paragraph("National list copies imported (the copy in use at each attempt is shown in section 7):", 8);
        foreach (var c in p.NationalListCopies) flow.Field("Copy", $"imported {Time(c.ImportedAt)} by {c.ImportedBy}: {c.Numbers} numbers, {c.Rejected} lines rejected", 16);
        if (p.NationalListCopies.Count == 0) flow.Paragraph("No national list copy has been imported.", 16);

        flow.Heading("6. Reassigned-number checks");
        foreach (var r in p.ReassignedChecks)
            flow.Field(r.Result, $"{r.ConsentLogId} checked {Time(r.CheckedAt)} for {r.Phone ?? "—"}; consent date {Time(r.ConsentDate)}; provider {r.Provider ?? "—"}, request {r.RequestId ?? "—"}");
        if (p.ReassignedChecks.Count == 0) flow.Paragraph("No Reassigned Numbers Database check on record.", 8);

        flow.Heading("7. Contact attempts and the gate's decisions");
        foreach (var a in p.Attempts)
        {
            flow.Field("Attempt", $"{a.AttemptId} at {Time(a.At)}: {a.Channel}, outcome {a.Outcome}, step {a.StepKey ?? "—"}, lead {a.LeadId}{(a.CallId is null ? "" : ", call " + a.CallId)}");
            if (!a.DecisionRecorded)
            {
                flow.Field("Decision", "not stored on this attempt (recorded by the call webhook or before decisions were kept)", 16);
            }
            else
            {
                flow.Field("Decision", $"{(a.Allowed == true ? "allowed" : "blocked")}{(a.Reasons.Count == 0 ? "" : ": " + Join(a.Reasons))}; evaluated {Time(a.EvaluatedAt)}", 16);
                flow.Field("Consent relied on", a.ConsentLogId, 16);
                flow.Field("Callee local time", $"{a.CalleeLocalTime ?? "—"} ({a.CalleeTimeZone ?? "zone unknown"}); recording disclosure required {YesNo(a.RecordingDisclosureRequired == true)}", 16);
                flow.Field("DNC checked", Time(a.DncCheckedAt), 16);
            }
            flow.Field("Window", a.CallingWindow, 16);
            flow.Field("National list copy", a.NationalListImportedAt is null ? "none imported before this attempt" : string.Create(CultureInfo.InvariantCulture, $"imported {Time(a.NationalListImportedAt)}, {a.NationalListAgeDays:0.##} days old"), 16);
            flow.Field("Reassigned check", a.ReassignedResult is null ? "none recorded on this attempt" : $"{a.ReassignedResult} at {Time(a.ReassignedCheckedAt)} ({a.ReassignedConsentLogId})", 16);
            flow.Space(4);
        }
        if (p.Attempts.Count == 0) flow.Paragraph("No contact attempt on record.", 8);
        foreach (var h in p.Holds)
            flow.Field("Latest hold", $"step {h.StepKey} of lead {h.LeadId} held at {Time(h.At)}: {Join(h.Reasons)}; until {Time(h.Until)}");

        flow.Heading("8. Calls, recordings and transcripts");
        foreach (var c in p.Calls)
        {
            flow.Field("Call", $"{c.CallId} ({c.CallSid}), {c.Type} {c.Direction}, lead {c.LeadId}: {Time(c.InitiatedAt)} – {Time(c.EndedAt)}, {c.Status}, {c.DurationSeconds?.ToString(CultureInfo.InvariantCulture) ?? "—"} s");
            flow.Field("Recording", c.RecordingUrl is null ? "none" : $"{c.RecordingUrl} ({c.RecordingDurationSeconds?.ToString(CultureInfo.InvariantCulture) ?? "?"} s)", 16);
            flow.Field("Transcript", c.TranscriptId is null ? "none" : "call_transcripts " + c.TranscriptId + (c.ConversationId is null ? "" : ", conversation " + c.ConversationId), 16);
            flow.Field("Compliance", $"consent verified {YesNo(c.ConsentVerified)}, DNC checked {YesNo(c.DncChecked)}; {c.ComplianceNotes ?? "—"}", 16);
        }
        if (p.Calls.Count == 0) flow.Paragraph("No call on record.", 8);

        flow.Heading("9. Consent ledger");
        var v = p.Ledger.Verification;
        flow.Field("Verification", v.Summary, 0);
        if (v.Available)
            flow.Field("Checked", string.Create(CultureInfo.InvariantCulture, $"{v.ChainsChecked} chain(s), {v.EntriesChecked} entries, {v.AnchorsChecked} daily anchor(s)"), 0);
        foreach (var e in p.Ledger.Entries)
            flow.Field(e.Sequence?.ToString(CultureInfo.InvariantCulture) ?? "—", $"{e.ConsentLogId} {e.EventType} {Time(e.At)}; chain {e.ChainKey ?? "—"}; previous {e.PreviousHash ?? "—"}; hash {e.Hash ?? "—"}");
        flow.Finish();
        document.Save(output, false);
    }

    internal static string Time(DateTime? at) => at is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z" : "—";

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Join(IReadOnlyList<string> values) => values.Count == 0 ? "—" : string.Join(", ", values);

    private static string Count(int n, string singular, string? plural = null) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? singular + "s");
}
