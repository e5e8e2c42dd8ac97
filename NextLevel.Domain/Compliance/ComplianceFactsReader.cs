using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// Loads the facts the gate decides on: the lead, its property's address, its campaign's calling hours, the consent
/// events of the lead and of its number, the number's DNC entries, the national list's import date, the calls and
/// texts of the last 24 hours, and the policy settings. Reads only; every read uses an index.
/// </summary>
public sealed class ComplianceFactsReader(IMongoDatabase database, TimeProvider time)
{
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly IMongoCollection<Property> _properties = database.GetCollection<Property>(CollectionNames.Properties);
    private readonly IMongoCollection<Campaign> _campaigns = database.GetCollection<Campaign>(CollectionNames.Campaigns);
    private readonly IMongoCollection<DncEntry> _dnc = database.GetCollection<DncEntry>(CollectionNames.DncRegistry);
    private readonly IMongoCollection<Call> _calls = database.GetCollection<Call>(CollectionNames.Calls);
    private readonly ConsentLedger _ledger = new(database);
    private readonly SystemConfigStore _settings = new(database, time);

    public async Task<ComplianceFacts> ReadAsync(ObjectId leadId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var lead = await _leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        var policy = await ReadPolicyAsync(cancellationToken);
        var (imports, _) = await _settings.GetAsync(ComplianceSettings.DncImports, cancellationToken);
        DateTimeOffset? nationalImportedAt = imports.National is { } national ? new DateTimeOffset(DateTime.SpecifyKind(national.ImportedAt, DateTimeKind.Utc)) : null;
        if (lead is null)
            return new ComplianceFacts(null, null, null, [], [], nationalImportedAt, [], policy, time.GetUtcNow());

        var property = lead.PropertyId is { } propertyId
            ? await _properties.Find(p => p.Id == propertyId).Project(p => p.Address).FirstOrDefaultAsync(cancellationToken)
            : null;
        var hours = lead.CampaignId is { } campaignId
            ? await _campaigns.Find(c => c.Id == campaignId).Project(c => c.Schedule.CallingHours).FirstOrDefaultAsync(cancellationToken)
            : null;

        var events = new List<ConsentLog>(await _ledger.ForLeadAsync(lead.Id, cancellationToken));
        List<DncEntry> dnc = [];
        var phone = lead.Contact.Phone;
        if (!string.IsNullOrEmpty(phone))
        {
            events.AddRange(await _ledger.ForPhoneAsync(phone, cancellationToken));
            dnc = await _dnc.Find(e => e.Phone == phone).ToListAsync(cancellationToken);
        }

        var contacts = await RecentTelephoneContactsAsync(lead, at, cancellationToken);
        var readAt = time.GetUtcNow();
        return new ComplianceFacts(
            lead,
            property is null ? null : new AddressFacts(property.State, property.ZipCode),
            hours,
            events,
            dnc,
            nationalImportedAt,
            contacts,
            policy,
            readAt);
    }

    private async Task<CompliancePolicy> ReadPolicyAsync(CancellationToken cancellationToken)
    {
        var (window, _) = await _settings.GetAsync(SystemSettings.CallingWindow, cancellationToken);
        var (consent, _) = await _settings.GetAsync(SystemSettings.ConsentPolicy, cancellationToken);
        var (seller, _) = await _settings.GetAsync(ComplianceSettings.Seller, cancellationToken);
        var (reassigned, _) = await _settings.GetAsync(ComplianceSettings.ReassignedCheck, cancellationToken);
        var defaults = CompliancePolicy.Default;
        return new CompliancePolicy(
            TimeOnly.TryParse(window.Start, System.Globalization.CultureInfo.InvariantCulture, out var start) ? Max(start, defaults.WindowStart) : defaults.WindowStart,
            TimeOnly.TryParse(window.End, System.Globalization.CultureInfo.InvariantCulture, out var end) ? Min(end, defaults.WindowEnd) : defaults.WindowEnd,
            consent.ConsentValidityDays,
            seller.Names is { Count: > 0 } names ? names : defaults.SellerNames,
            Reassigned: reassigned);
    }

    // A stored setting can narrow the federal window, never widen it.
    private static TimeOnly Max(TimeOnly a, TimeOnly b) => a > b ? a : b;

    private static TimeOnly Min(TimeOnly a, TimeOnly b) => a < b ? a : b;

    /// <summary>
    /// Calls and texts of the 24 hours before <paramref name="at"/> (and any later ones already made): the lead's
    /// contact attempts except e-mails and inbound replies, plus calls in <c>calls</c> no attempt refers to.
    /// </summary>
    private async Task<IReadOnlyList<DateTimeOffset>> RecentTelephoneContactsAsync(Lead lead, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var since = (at - TimeSpan.FromHours(24)).UtcDateTime;
        var attempts = lead.ContactAttempts
            .Where(a => a.Type != ContactMethod.Email && a.Timestamp > since && !NotPlaced.Contains(a.Outcome))
            .ToList();
        var known = attempts.Where(a => a.CallId is not null).Select(a => a.CallId!.Value).ToHashSet();
        var calls = await _calls.Find(c => c.LeadId == lead.Id && c.InitiatedAt > since)
            .Project(c => new { c.Id, c.InitiatedAt }).ToListAsync(cancellationToken);
        return
        [
            .. attempts.Select(a => new DateTimeOffset(DateTime.SpecifyKind(a.Timestamp, DateTimeKind.Utc))),
            .. calls.Where(c => !known.Contains(c.Id)).Select(c => new DateTimeOffset(DateTime.SpecifyKind(c.InitiatedAt, DateTimeKind.Utc))),
        ];
    }

    /// <summary>Attempt outcomes that are not calls or texts made by us (blocked before dialling, inbound replies).</summary>
    private static readonly HashSet<string> NotPlaced = new(StringComparer.Ordinal) { "blocked", "replied", "skipped" };
}
