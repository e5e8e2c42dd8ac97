using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance.Evidence;

/// <summary>
/// Builds the <see cref="EvidencePackage"/> of a lead or of a phone number from the stored records only: consent_logs
/// (through <see cref="ConsentLedger"/>), dnc_registry, the national list imports kept in system_config, the leads'
/// contact attempts and follow-up holds, and calls. Nothing is re-decided: each attempt shows the decision stored on it.
/// </summary>
public sealed class EvidenceAssembler(IMongoDatabase database, TimeProvider time)
{
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly IMongoCollection<Call> _calls = database.GetCollection<Call>(CollectionNames.Calls);
    private readonly ConsentLedger _ledger = new(database);
    private readonly DncRegistry _dnc = new(database, time);
    private readonly SystemConfigStore _settings = new(database, time);

    /// <summary>The package of one lead (and its phone number's records); null when the lead does not exist.</summary>
    public async Task<EvidencePackage?> ForLeadAsync(ObjectId leadId, CancellationToken cancellationToken)
    {
        var lead = await _leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        if (lead is null) return null;
        string[] phones = string.IsNullOrWhiteSpace(lead.Contact.Phone) ? [] : [lead.Contact.Phone];
        return await AssembleAsync(new EvidenceSubject(EvidenceSubject.LeadKind, lead.Id.ToString(), phones), [lead], cancellationToken);
    }

    /// <summary>The package of one E.164 number with every lead carrying it; null when nothing at all is stored about it.</summary>
    public async Task<EvidencePackage?> ForPhoneAsync(string e164, CancellationToken cancellationToken)
    {
        var leads = await _leads.Find(l => l.Contact.Phone == e164).SortBy(l => l.ReceivedAt).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        var package = await AssembleAsync(new EvidenceSubject(EvidenceSubject.PhoneKind, null, [e164]), leads, cancellationToken);
        var empty = leads.Count == 0 && package.Ledger.Entries.Count == 0 && package.DncEntries.Count == 0 && package.Calls.Count == 0;
        return empty ? null : package;
    }

    private async Task<EvidencePackage> AssembleAsync(EvidenceSubject subject, IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var logs = await ConsentLogsAsync(subject.Phones, leads, cancellationToken);
        var dnc = new List<DncEntry>();
        foreach (var phone in subject.Phones) dnc.AddRange(await _dnc.ForPhoneAsync(phone, cancellationToken));
        var copies = await NationalListCopies.ReadAsync(database, cancellationToken);
        var (window, _) = await _settings.GetAsync(SystemSettings.CallingWindow, cancellationToken);
        var calls = await CallsAsync(subject.Phones, leads, cancellationToken);
        var ledger = await EvidenceLedgerSection.BuildAsync(database, time, subject.Phones, logs, cancellationToken);

        var reassigned = ReassignedChecks.From(logs);
        var attempts = leads.SelectMany(l => Attempts(l, window, copies))
            .OrderBy(a => a.At).ThenBy(a => a.AttemptId, StringComparer.Ordinal).ToList();
        var holds = leads.Where(l => l.FollowUp.LastHold is not null)
            .Select(l => new EvidenceHold(l.Id.ToString(), l.FollowUp.LastHold!.StepKey, l.FollowUp.LastHold.At, [.. l.FollowUp.LastHold.Reasons], l.FollowUp.LastHold.Until))
            .OrderBy(h => h.At).ToList();

        var package = new EvidencePackage(
            subject,
            time.GetUtcNow().UtcDateTime,
            [.. leads.Select(ToEvidence)],
            [.. logs.Where(l => l.EventType == ConsentEventType.ConsentGranted).Select(ToConsent)],
            [.. logs.Where(l => l.EventType is ConsentEventType.ConsentRevoked or ConsentEventType.DncAdded or ConsentEventType.DncRemoved).Select(ToRevocation)],
            [.. dnc.OrderBy(d => d.AddedAt).ThenBy(d => d.Id).Select(ToDnc)],
            copies.Copies,
            reassigned,
            attempts,
            holds,
            [.. calls.Select(ToCall)],
            ledger,
            []);
        return package with { Timeline = EvidenceTimeline.Build(package) };
    }

    /// <summary>The consent events of the leads and of the numbers, each once, oldest first.</summary>
    private async Task<List<ConsentLog>> ConsentLogsAsync(IReadOnlyList<string> phones, IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<ObjectId, ConsentLog>();
        foreach (var phone in phones)
            foreach (var log in await _ledger.ForPhoneAsync(phone, cancellationToken)) byId[log.Id] = log;
        foreach (var lead in leads)
            foreach (var log in await _ledger.ForLeadAsync(lead.Id, cancellationToken)) byId[log.Id] = log;
        return [.. byId.Values.OrderBy(l => l.Timestamp).ThenBy(l => l.Id)];
    }

    private async Task<List<Call>> CallsAsync(IReadOnlyList<string> phones, IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var filter = Builders<Call>.Filter.In(c => c.LeadId, leads.Select(l => l.Id));
        if (phones.Count > 0) filter |= Builders<Call>.Filter.In(c => c.ContactPhone, phones);
        return await _calls.Find(filter).SortBy(c => c.InitiatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
    }

    private static IEnumerable<EvidenceAttempt> Attempts(Lead lead, CallingWindowSetting window, NationalListCopies copies)
    {
        var states = CalleeLocation.Resolve(lead.Contact.Phone, new AddressFacts(lead.Contact.Address?.State, lead.Contact.Address?.ZipCode)).States;
        foreach (var a in lead.ContactAttempts)
        {
            var c = a.Compliance;
            var telephone = a.Type != ContactMethod.Email;
            var copy = telephone ? copies.InUseAt(a.Timestamp) : null;
            var check = c?.ReassignedCheck;
            yield return new EvidenceAttempt(
                lead.Id.ToString(), a.AttemptId.ToString(), a.Timestamp, StoredEnum.Name(a.Type), a.Outcome, a.StepKey, a.CallId?.ToString(),
                c is not null, c?.Allowed, c is null ? [] : [.. c.Reasons], c?.ConsentLogId, c?.DncCheckedAt, c?.CalleeTimeZone, c?.CalleeLocalTime,
                telephone ? CallingWindowText.For(window.Start, window.End, states, c?.CalleeTimeZone, a.Timestamp) : "not applicable (e-mail)",
                c?.RecordingDisclosureRequired, c?.EvaluatedAt,
                copy?.ImportedAt, copy is null ? null : copies.AgeDaysAt(a.Timestamp),
                check?.Result, check?.CheckedAt, check?.ConsentLogId);
        }
    }

    private static EvidenceLead ToEvidence(Lead l) => new(
        l.Id.ToString(), StoredEnum.Name(l.Source), l.Contact.Phone, l.Contact.Address?.State, l.ReceivedAt, StoredEnum.Name(l.Status),
        l.Consent.HasWrittenConsent, l.Consent.AutomatedCallsAllowed, l.Consent.TextMessagesAllowed, l.DncStatus.InternalDNC, l.DncStatus.OnNationalRegistry);

    private static EvidenceConsent ToConsent(ConsentLog l) => new(
        l.Id.ToString(), l.LeadId?.ToString(), l.Phone, l.Timestamp,
        l.ConsentDetails is { } d ? StoredEnum.Name(d.Method) : null, l.ConsentDetails?.Source, l.ConsentDetails?.ConsentText,
        l.ConsentDetails?.AutomatedCallsAllowed ?? false, l.ConsentDetails?.TextMessagesAllowed ?? false, Channels(l.Channels),
        l.ConsentDetails?.ExpiresAt, l.IpAddress, l.UserAgent, l.Referrer, l.RecordedBy, l.Origin);

    private static EvidenceRevocation ToRevocation(ConsentLog l) => new(
        l.Id.ToString(), StoredEnum.Name(l.EventType), l.LeadId?.ToString(), l.Phone, l.Timestamp,
        l.EventType == ConsentEventType.ConsentRevoked && l.Channels is null ? ["automated_call", "manual_call", "sms"] : Channels(l.Channels),
        l.Origin, l.Evidence, l.RecordedBy);

    private static EvidenceDncEntry ToDnc(DncEntry d) => new(
        d.Phone, StoredEnum.Name(d.Source), d.State, d.Reason, d.AddedAt, d.ExpiresAt, d.AddedBy, d.LeadId?.ToString(), d.LastImportedAt);

    private static EvidenceCall ToCall(Call c) => new(
        c.Id.ToString(), c.LeadId.ToString(), c.CallSid, c.ConversationId, StoredEnum.Name(c.Direction), StoredEnum.Name(c.Type),
        c.InitiatedAt, c.EndedAt, StoredEnum.Name(c.Status), c.Duration, c.RecordingUrl, c.RecordingDuration, c.TranscriptId?.ToString(),
        c.ConsentVerified, c.DncChecked, c.ComplianceNotes);

    private static IReadOnlyList<string> Channels(List<ContactChannel>? channels) => channels is null ? [] : [.. channels.Select(StoredEnum.Name)];
}
