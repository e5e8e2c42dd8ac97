using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance;

/// <summary>A written consent to record, with what the law asks to be kept (64.1200(f)(9), TSR 310.5).</summary>
/// <param name="Phone">The number the consent names (E.164).</param>
/// <param name="ConsentText">The exact text shown to the person.</param>
public sealed record ConsentGrant(
    string Phone,
    string ConsentText,
    ConsentMethod Method,
    string Source,
    bool AutomatedCallsAllowed,
    bool TextMessagesAllowed,
    DateTimeOffset GivenAt,
    string? IpAddress,
    string? UserAgent,
    string RecordedBy);

/// <summary>A revocation: which channels, how it was made (origin), the person's words when there are any, who recorded it.</summary>
public sealed record ConsentRevocation(IReadOnlyList<ContactChannel> Channels, string Origin, string? Evidence, string RecordedBy);

/// <summary>What a revocation changed.</summary>
public sealed record RevocationResult(IReadOnlyList<ObjectId> LeadIds, IReadOnlyList<ObjectId> ConsentLogIds, bool AddedToInternalDnc);

/// <summary>
/// Grants and revokes consent. Each change is first appended to consent_logs (the evidence; the gate reads it),
/// then mirrored in <c>leads.consent</c>; a revocation covering calls is also a Do-Not-Call request and puts the
/// number on the internal list. A revocation takes effect at once for every channel it covers.
/// </summary>
public sealed class ConsentRecords(IMongoDatabase database, TimeProvider time)
{
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly ConsentLedger _ledger = new(database);
    private readonly DncRegistry _dnc = new(database, time);

    public async Task<ConsentLog> GrantAsync(ObjectId leadId, ConsentGrant grant, int validityDays, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var given = grant.GivenAt.UtcDateTime;
        var expires = given.AddDays(validityDays);
        var entry = await _ledger.AppendAsync(new ConsentLog
        {
            LeadId = leadId,
            Phone = grant.Phone,
            EventType = ConsentEventType.ConsentGranted,
            ConsentDetails = new ConsentDetails
            {
                Method = grant.Method, Source = grant.Source, ConsentText = grant.ConsentText,
                AutomatedCallsAllowed = grant.AutomatedCallsAllowed, TextMessagesAllowed = grant.TextMessagesAllowed, ExpiresAt = expires,
            },
            IpAddress = grant.IpAddress,
            UserAgent = grant.UserAgent,
            Timestamp = given > now ? now : given,
            RecordedBy = grant.RecordedBy,
            Origin = "staff",
        }, cancellationToken);
        await _leads.UpdateOneAsync(l => l.Id == leadId, Builders<Lead>.Update
            .Set(l => l.Consent, new LeadConsent
            {
                HasWrittenConsent = true, ConsentMethod = grant.Method, ConsentDate = given, ConsentSource = grant.Source,
                ConsentText = grant.ConsentText, ExpiresAt = expires, IpAddress = grant.IpAddress, UserAgent = grant.UserAgent,
                AutomatedCallsAllowed = grant.AutomatedCallsAllowed, TextMessagesAllowed = grant.TextMessagesAllowed,
            })
            .Set(l => l.UpdatedAt, now)
            .Set(l => l.UpdatedBy, grant.RecordedBy), cancellationToken: cancellationToken);
        return entry;
    }

    /// <summary>Revokes for one lead (and its number).</summary>
    public async Task<RevocationResult> RevokeForLeadAsync(ObjectId leadId, ConsentRevocation revocation, CancellationToken cancellationToken)
    {
        var lead = await _leads.Find(l => l.Id == leadId).Project(l => new { l.Id, l.Contact.Phone, l.Contact.Email }).FirstOrDefaultAsync(cancellationToken);
        if (lead is null) return new RevocationResult([], [], false);
        return await RevokeAsync([(lead.Id, lead.Phone, lead.Email)], lead.Phone, revocation, cancellationToken);
    }

    /// <summary>Revokes for a phone number: every lead with that number, and the number itself when no lead has it.</summary>
    public async Task<RevocationResult> RevokeForPhoneAsync(string phone, ConsentRevocation revocation, CancellationToken cancellationToken)
    {
        var leads = await _leads.Find(l => l.Contact.Phone == phone).Project(l => new { l.Id, l.Contact.Email }).ToListAsync(cancellationToken);
        return await RevokeAsync([.. leads.Select(l => ((ObjectId?)l.Id, (string?)phone, l.Email))], phone, revocation, cancellationToken);
    }

    /// <summary>
    /// Revokes when the called person asked, during a call, not to be contacted (a spoken request is a reasonable
    /// means, FCC 24-24). Returns null when none of their utterances asks that.
    /// </summary>
    public async Task<RevocationResult?> RevokeFromTranscriptAsync(ObjectId leadId, IEnumerable<string?> calleeUtterances, string recordedBy, CancellationToken cancellationToken)
    {
        var request = RevocationLanguage.FindSpokenRevocation(calleeUtterances);
        if (request is null) return null;
        return await RevokeForLeadAsync(leadId, new ConsentRevocation(ContactChannels.Telephone, "call_transcript", request, recordedBy), cancellationToken);
    }

    private async Task<RevocationResult> RevokeAsync(IReadOnlyList<(ObjectId? Id, string? Phone, string? Email)> leads, string? phone, ConsentRevocation revocation, CancellationToken cancellationToken)
    {
        var channels = revocation.Channels.Count > 0 ? revocation.Channels.Distinct().ToList() : [.. ContactChannels.Telephone];
        var now = time.GetUtcNow().UtcDateTime;
        var logIds = new List<ObjectId>();
        var targets = leads.Count > 0 ? leads : [(null, phone, null)];
        foreach (var (id, leadPhone, email) in targets)
        {
            var entry = await _ledger.AppendAsync(new ConsentLog
            {
                LeadId = id, Phone = leadPhone, Email = channels.Contains(ContactChannel.Email) ? email : null,
                EventType = ConsentEventType.ConsentRevoked, Channels = channels, Timestamp = now,
                RecordedBy = revocation.RecordedBy, Origin = revocation.Origin, Evidence = revocation.Evidence,
            }, cancellationToken);
            logIds.Add(entry.Id);
        }

        var ids = leads.Where(l => l.Id is not null).Select(l => l.Id!.Value).ToList();
        if (ids.Count > 0)
        {
            var update = Builders<Lead>.Update.Set(l => l.UpdatedAt, now).Set(l => l.UpdatedBy, revocation.RecordedBy);
            if (channels.Contains(ContactChannel.AutomatedCall)) update = update.Set(l => l.Consent.AutomatedCallsAllowed, false);
            if (channels.Contains(ContactChannel.Sms)) update = update.Set(l => l.Consent.TextMessagesAllowed, false);
            if (ContactChannels.Telephone.All(channels.Contains)) update = update.Set(l => l.Consent.HasWrittenConsent, false);
            await _leads.UpdateManyAsync(Builders<Lead>.Filter.In(l => l.Id, ids), update, cancellationToken: cancellationToken);
        }

        // A request to stop calls is a Do-Not-Call request (64.1200(d)(3)): the number goes on the internal list.
        var dnc = phone is not null && channels.Contains(ContactChannel.ManualCall) && channels.Contains(ContactChannel.AutomatedCall);
        if (dnc)
            await _dnc.AddInternalAsync(phone!, $"consent revoked ({revocation.Origin})", revocation.RecordedBy, ids.Count > 0 ? ids[0] : null, cancellationToken);
        return new RevocationResult(ids, logIds, dnc);
    }
}
