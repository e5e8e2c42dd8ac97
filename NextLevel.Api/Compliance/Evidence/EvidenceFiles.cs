using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NextLevel.Domain.Compliance.Evidence;

namespace NextLevel.Api.Compliance.Evidence;

/// <summary>
/// The evidence package as machine-readable files: package.json (the whole package) and one CSV per section
/// (consent.csv, attempts.csv, dnc.csv, dnc_list_copies.csv, reassigned_checks.csv, holds.csv, calls.csv, ledger.csv,
/// timeline.csv), zipped. CSV: RFC 4180, UTF-8 without BOM, times ISO 8601 UTC, lists joined with ';'.
/// </summary>
public static class EvidenceFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string SubjectLabel(EvidenceSubject subject) => subject.Kind == EvidenceSubject.LeadKind ? "lead " + subject.LeadId : "phone number " + string.Join(", ", subject.Phones);

    /// <summary>evidence-lead-&lt;id&gt;-&lt;yyyyMMdd&gt;.pdf, or for a number evidence-phone-&lt;first lead id or "no-lead"&gt;-&lt;date&gt; (no phone digits in names).</summary>
    public static string FileName(EvidencePackage p, string extension)
    {
        var date = p.GeneratedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var id = p.Subject.Kind == EvidenceSubject.LeadKind ? "lead-" + p.Subject.LeadId : "phone-" + (p.Leads.Count > 0 ? p.Leads[0].LeadId : "no-lead");
        return $"evidence-{id}-{date}.{extension}";
    }

    public static JsonObject ToJson(EvidencePackage p)
    {
        var node = JsonSerializer.SerializeToNode(p, Json)!.AsObject();
        node.Insert(0, "formatVersion", EvidencePackage.FormatVersion);
        return node;
    }

    public static async Task WriteZipAsync(EvidencePackage p, Stream output, CancellationToken cancellationToken)
    {
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await AddAsync(zip, "package.json", ToJson(p).ToJsonString(Json), cancellationToken);
        foreach (var (name, csv) in Csvs(p)) await AddAsync(zip, name, csv, cancellationToken);
    }

    /// <summary>The CSV files of the package, by file name.</summary>
    public static IEnumerable<(string Name, string Csv)> Csvs(EvidencePackage p)
    {
        yield return ("consent.csv", Csv(
            ["consentLogId", "eventType", "leadId", "phone", "at", "method", "source", "consentText", "automatedCallsAllowed", "textMessagesAllowed", "channels", "expiresAt", "ipAddress", "userAgent", "referrer", "origin", "evidence", "recordedBy"],
            p.Consents.Select(c => (c.GivenAt, new[] { c.ConsentLogId, "consent_granted", c.LeadId, c.Phone, T(c.GivenAt), c.Method, c.Source, c.ConsentText, B(c.AutomatedCallsAllowed), B(c.TextMessagesAllowed), L(c.Channels), T(c.ExpiresAt), c.IpAddress, c.UserAgent, c.Referrer, c.Origin, null, c.RecordedBy }))
                .Concat(p.Revocations.Select(r => (r.At, new[] { r.ConsentLogId, r.EventType, r.LeadId, r.Phone, T(r.At), null, null, null, null, null, L(r.Channels), null, null, null, null, r.Origin, r.Evidence, r.RecordedBy })))
                .OrderBy(r => r.Item1).ThenBy(r => r.Item2[0], StringComparer.Ordinal).Select(r => r.Item2)));
        yield return ("attempts.csv", Csv(
            ["attemptId", "leadId", "at", "channel", "outcome", "stepKey", "callId", "decisionRecorded", "allowed", "reasons", "consentLogId", "dncCheckedAt", "calleeTimeZone", "calleeLocalTime", "callingWindow", "recordingDisclosureRequired", "evaluatedAt", "nationalListImportedAt", "nationalListAgeDays", "reassignedResult", "reassignedCheckedAt", "reassignedConsentLogId"],
            p.Attempts.Select(a => new[] { a.AttemptId, a.LeadId, T(a.At), a.Channel, a.Outcome, a.StepKey, a.CallId, B(a.DecisionRecorded), a.Allowed is { } ok ? B(ok) : null, L(a.Reasons), a.ConsentLogId, T(a.DncCheckedAt), a.CalleeTimeZone, a.CalleeLocalTime, a.CallingWindow, a.RecordingDisclosureRequired is { } r ? B(r) : null, T(a.EvaluatedAt), T(a.NationalListImportedAt), a.NationalListAgeDays?.ToString("0.##", CultureInfo.InvariantCulture), a.ReassignedResult, T(a.ReassignedCheckedAt), a.ReassignedConsentLogId })));
        yield return ("dnc.csv", Csv(
            ["phone", "source", "state", "reason", "addedAt", "endedAt", "inForce", "addedBy", "leadId", "lastImportedAt"],
            p.DncEntries.Select(d => new[] { d.Phone, d.Source, d.State, d.Reason, T(d.AddedAt), T(d.EndedAt), B(d.EndedAt is null || d.EndedAt > p.GeneratedAt), d.AddedBy, d.LeadId, T(d.LastImportedAt) })));
        yield return ("dnc_list_copies.csv", Csv(
            ["list", "importedAt", "numbers", "rejected", "importedBy"],
            p.NationalListCopies.Select(c => new[] { "national", T(c.ImportedAt), N(c.Numbers), N(c.Rejected), c.ImportedBy })));
        yield return ("reassigned_checks.csv", Csv(
            ["consentLogId", "phone", "leadId", "checkedAt", "result", "consentDate", "provider", "requestId"],
            p.ReassignedChecks.Select(r => new[] { r.ConsentLogId, r.Phone, r.LeadId, T(r.CheckedAt), r.Result, T(r.ConsentDate), r.Provider, r.RequestId })));
        yield return ("holds.csv", Csv(
            ["leadId", "stepKey", "at", "reasons", "until"],
            p.Holds.Select(h => new[] { h.LeadId, h.StepKey, T(h.At), L(h.Reasons), T(h.Until) })));
        yield return ("calls.csv", Csv(
            ["callId", "leadId", "callSid", "conversationId", "direction", "type", "initiatedAt", "endedAt", "status", "durationSeconds", "recordingUrl", "recordingDurationSeconds", "transcriptId", "consentVerified", "dncChecked", "complianceNotes"],
            p.Calls.Select(c => new[] { c.CallId, c.LeadId, c.CallSid, c.ConversationId, c.Direction, c.Type, T(c.InitiatedAt), T(c.EndedAt), c.Status, c.DurationSeconds is { } d ? N(d) : null, c.RecordingUrl, c.RecordingDurationSeconds is { } rd ? N(rd) : null, c.TranscriptId, B(c.ConsentVerified), B(c.DncChecked), c.ComplianceNotes })));
        var v = p.Ledger.Verification;
        yield return ("ledger.csv", Csv(
            ["consentLogId", "eventType", "at", "chainKey", "sequence", "previousHash", "hash", "chainValid", "verification"],
            p.Ledger.Entries.Select(e => new[] { e.ConsentLogId, e.EventType, T(e.At), e.ChainKey, e.Sequence is { } s ? N(s) : null, e.PreviousHash, e.Hash, v.Available ? B(v.Valid) : null, v.Summary })));
        yield return ("timeline.csv", Csv(["at", "kind", "summary", "reference"], p.Timeline.Select(e => new[] { T(e.At), e.Kind, e.Summary, e.Reference })));
    }

    private static async Task AddAsync(ZipArchive zip, string name, string content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        var bytes = new UTF8Encoding(false).GetBytes(content);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private static string Csv(string[] header, IEnumerable<string?[]> rows)
    {
        var text = new StringBuilder().AppendJoin(',', header).Append("\r\n");
        foreach (var row in rows) text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        return text.ToString();
    }

    private static string Field(string? value)
    {
        if (value is null) return "";
        // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it so the text stays text.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !IsNumberOrPhone(value)) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static bool IsNumberOrPhone(string value) => value.Length > 1 && value[0] is '+' or '-' && value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

    private static string? T(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string B(bool value) => value ? "true" : "false";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string L(IReadOnlyList<string> values) => string.Join(';', values);
}
