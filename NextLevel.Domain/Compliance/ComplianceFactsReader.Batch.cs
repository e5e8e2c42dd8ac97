using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// The facts of many leads in one pass: the same facts as <see cref="ReadAsync"/>, with one <c>$in</c> read per kind
/// of fact (properties, campaigns' calling hours, consent events by lead and by phone, DNC entries, recent calls)
/// instead of one per lead, all concurrently. The caller passes the lead documents it has just read (the Worker reads
/// them when it claims them); everything else about the person is read here, at the time of the call.
/// </summary>
public sealed partial class ComplianceFactsReader
{
    /// <summary>The facts of each of <paramref name="leads"/>, by lead id, as of <paramref name="at"/>.</summary>
    public async Task<IReadOnlyDictionary<ObjectId, ComplianceFacts>> ReadManyAsync(IReadOnlyList<Lead> leads, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leads);
        if (leads.Count == 0) return new Dictionary<ObjectId, ComplianceFacts>();
        var leadIds = leads.Select(l => l.Id).Distinct().ToList();
        var propertyIds = leads.Select(l => l.PropertyId).OfType<ObjectId>().Distinct().ToList();
        var campaignIds = leads.Select(l => l.CampaignId).OfType<ObjectId>().Distinct().ToList();
        var phones = leads.Select(l => l.Contact.Phone).OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var since = (at - TimeSpan.FromHours(24)).UtcDateTime;

        var settingsTask = SettingsAsync(cancellationToken);
        var propertiesTask = propertyIds.Count == 0 ? Task.FromResult(new Dictionary<ObjectId, AddressFacts>()) : PropertiesAsync(propertyIds, cancellationToken);
        var hoursTask = campaignIds.Count == 0 ? Task.FromResult(new Dictionary<ObjectId, Campaigns.CallingHours>()) : CallingHoursAsync(campaignIds, cancellationToken);
        var byLeadTask = _ledger.ForLeadsAsync(leadIds, cancellationToken);
        var byPhoneTask = _ledger.ForPhonesAsync(phones, cancellationToken);
        var dncTask = phones.Count == 0 ? Task.FromResult(new List<DncEntry>()) : _dnc.Find(Builders<DncEntry>.Filter.In(e => e.Phone, phones)).ToListAsync(cancellationToken);
        var callsTask = _calls.Find(Builders<Calls.Call>.Filter.In(c => c.LeadId, leadIds) & Builders<Calls.Call>.Filter.Gt(c => c.InitiatedAt, since))
            .Project(c => new { c.Id, c.LeadId, c.InitiatedAt }).ToListAsync(cancellationToken);
        await Task.WhenAll(settingsTask, propertiesTask, hoursTask, byLeadTask, byPhoneTask, dncTask, callsTask);

        var (policy, nationalImportedAt) = await settingsTask;
        var properties = await propertiesTask;
        var hours = await hoursTask;
        var byLead = (await byLeadTask).Where(e => e.LeadId is not null).ToLookup(e => e.LeadId!.Value);
        var byPhone = (await byPhoneTask).Where(e => e.Phone is not null).ToLookup(e => e.Phone!, StringComparer.Ordinal);
        var dnc = (await dncTask).ToLookup(e => e.Phone, StringComparer.Ordinal);
        var calls = (await callsTask).ToLookup(c => c.LeadId, c => new RecentCall(c.Id, c.LeadId, c.InitiatedAt));
        var readAt = time.GetUtcNow();

        var facts = new Dictionary<ObjectId, ComplianceFacts>(leads.Count);
        foreach (var lead in leads)
        {
            var phone = lead.Contact.Phone;
            var events = new List<ConsentLog>(byLead[lead.Id]);
            if (!string.IsNullOrEmpty(phone)) events.AddRange(byPhone[phone]);
            facts[lead.Id] = new ComplianceFacts(
                lead,
                lead.PropertyId is { } propertyId && properties.TryGetValue(propertyId, out var address) ? address : null,
                lead.CampaignId is { } campaignId && hours.TryGetValue(campaignId, out var campaignHours) ? campaignHours : null,
                events,
                string.IsNullOrEmpty(phone) ? [] : [.. dnc[phone]],
                nationalImportedAt,
                TelephoneContactTimes(lead, since, calls[lead.Id]),
                policy,
                readAt);
        }
        return facts;
    }

    private async Task<Dictionary<ObjectId, AddressFacts>> PropertiesAsync(List<ObjectId> ids, CancellationToken cancellationToken)
    {
        var found = await _properties.Find(Builders<Properties.Property>.Filter.In(p => p.Id, ids)).Project(p => new { p.Id, p.Address }).ToListAsync(cancellationToken);
        return found.Where(p => p.Address is not null).ToDictionary(p => p.Id, p => new AddressFacts(p.Address.State, p.Address.ZipCode));
    }

    private async Task<Dictionary<ObjectId, Campaigns.CallingHours>> CallingHoursAsync(List<ObjectId> ids, CancellationToken cancellationToken)
    {
        var found = await _campaigns.Find(Builders<Campaigns.Campaign>.Filter.In(c => c.Id, ids)).Project(c => new { c.Id, c.Schedule.CallingHours }).ToListAsync(cancellationToken);
        return found.Where(c => c.CallingHours is not null).ToDictionary(c => c.Id, c => c.CallingHours);
    }
}
