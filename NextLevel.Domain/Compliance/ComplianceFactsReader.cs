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
/// texts of the last 24 hours, and the policy settings. Reads only; every read uses an index. The reads run in two
/// concurrent phases (the lead with the settings, then everything that depends on the lead), so a decision costs
/// two round-trip latencies, not eleven.
/// With a <paramref name="settingsCacheTtl"/> above zero (the Worker's), the policy settings and the national list's
/// import date are read at most once per that time (<see cref="TimeProvider"/>); every fact about the person (lead,
/// consent, DNC entries, calls) is still read for each decision. A cached import date can only make the 31-day rule
/// stricter for that long, never laxer, since the age is computed from the decision's own time.
/// </summary>
public sealed partial class ComplianceFactsReader(IMongoDatabase database, TimeProvider time, TimeSpan settingsCacheTtl = default)
{
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);
    private readonly IMongoCollection<Property> _properties = database.GetCollection<Property>(CollectionNames.Properties);
    private readonly IMongoCollection<Campaign> _campaigns = database.GetCollection<Campaign>(CollectionNames.Campaigns);
    private readonly IMongoCollection<DncEntry> _dnc = database.GetCollection<DncEntry>(CollectionNames.DncRegistry);
    private readonly IMongoCollection<Call> _calls = database.GetCollection<Call>(CollectionNames.Calls);
    private readonly ConsentLedger _ledger = new(database);
    private readonly SystemConfigStore _settings = new(database, time);
    private CachedSettings? _cached;

    private sealed record CachedSettings(DateTimeOffset ReadAt, Task<(CompliancePolicy Policy, DateTimeOffset? NationalImportedAt)> Read);

    public async Task<ComplianceFacts> ReadAsync(ObjectId leadId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var leadTask = _leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        var settingsTask = SettingsAsync(cancellationToken);
        var lead = await leadTask;
        var (policy, nationalImportedAt) = await settingsTask;
        if (lead is null)
            return new ComplianceFacts(null, null, null, [], [], nationalImportedAt, [], policy, time.GetUtcNow());

        var propertyTask = lead.PropertyId is { } propertyId
            ? _properties.Find(p => p.Id == propertyId).Project(p => p.Address).FirstOrDefaultAsync(cancellationToken)
            : Task.FromResult<PropertyAddress>(null!);
        var hoursTask = lead.CampaignId is { } campaignId
            ? _campaigns.Find(c => c.Id == campaignId).Project(c => c.Schedule.CallingHours).FirstOrDefaultAsync(cancellationToken)
            : Task.FromResult<CallingHours>(null!);
        var byLeadTask = _ledger.ForLeadAsync(lead.Id, cancellationToken);
        var phone = lead.Contact.Phone;
        var byPhoneTask = string.IsNullOrEmpty(phone) ? Task.FromResult<IReadOnlyList<ConsentLog>>([]) : _ledger.ForPhoneAsync(phone, cancellationToken);
        var dncTask = string.IsNullOrEmpty(phone) ? Task.FromResult(new List<DncEntry>()) : _dnc.Find(e => e.Phone == phone).ToListAsync(cancellationToken);
        var contactsTask = RecentTelephoneContactsAsync(lead, at, cancellationToken);
        await Task.WhenAll(propertyTask, hoursTask, byLeadTask, byPhoneTask, dncTask, contactsTask);

        var property = await propertyTask;
        var events = new List<ConsentLog>(await byLeadTask);
        events.AddRange(await byPhoneTask);
        var readAt = time.GetUtcNow();
        return new ComplianceFacts(
            lead,
            property is null ? null : new AddressFacts(property.State, property.ZipCode),
            await hoursTask,
            events,
            await dncTask,
            nationalImportedAt,
            await contactsTask,
            policy,
            readAt);
    }

    /// <summary>The policy settings and the national import date: read now, or from the cache while it is fresh.</summary>
    private Task<(CompliancePolicy Policy, DateTimeOffset? NationalImportedAt)> SettingsAsync(CancellationToken cancellationToken)
    {
        if (settingsCacheTtl <= TimeSpan.Zero) return ReadSettingsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var current = Volatile.Read(ref _cached);
        if (current is not null && now - current.ReadAt < settingsCacheTtl && now >= current.ReadAt && !current.Read.IsFaulted && !current.Read.IsCanceled)
            return current.Read.WaitAsync(cancellationToken);
        var fresh = new CachedSettings(now, ReadSettingsAsync(CancellationToken.None));
        var winner = Interlocked.CompareExchange(ref _cached, fresh, current);
        return (winner == current ? fresh.Read : winner!.Read).WaitAsync(cancellationToken);
    }

    private async Task<(CompliancePolicy Policy, DateTimeOffset? NationalImportedAt)> ReadSettingsAsync(CancellationToken cancellationToken)
    {
        var policyTask = ReadPolicyAsync(cancellationToken);
        var importsTask = _settings.GetAsync(ComplianceSettings.DncImports, cancellationToken);
        var (imports, _) = await importsTask;
        DateTimeOffset? nationalImportedAt = imports.National is { } national ? new DateTimeOffset(DateTime.SpecifyKind(national.ImportedAt, DateTimeKind.Utc)) : null;
        return (await policyTask, nationalImportedAt);
    }

    private async Task<CompliancePolicy> ReadPolicyAsync(CancellationToken cancellationToken)
    {
        var windowTask = _settings.GetAsync(SystemSettings.CallingWindow, cancellationToken);
        var consentTask = _settings.GetAsync(SystemSettings.ConsentPolicy, cancellationToken);
        var sellerTask = _settings.GetAsync(ComplianceSettings.Seller, cancellationToken);
        var reassignedTask = _settings.GetAsync(ComplianceSettings.ReassignedCheck, cancellationToken);
        var (window, _) = await windowTask;
        var (consent, _) = await consentTask;
        var (seller, _) = await sellerTask;
        var (reassigned, _) = await reassignedTask;
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
        var calls = await _calls.Find(c => c.LeadId == lead.Id && c.InitiatedAt > since)
            .Project(c => new { c.Id, c.LeadId, c.InitiatedAt }).ToListAsync(cancellationToken);
        return TelephoneContactTimes(lead, since, calls.Select(c => new RecentCall(c.Id, c.LeadId, c.InitiatedAt)));
    }

    /// <summary>The lead's calls and texts since <paramref name="since"/>: its attempts (not e-mails, not inbound replies,
    /// not blocked ones) plus the given <c>calls</c> documents no attempt refers to.</summary>
    private static IReadOnlyList<DateTimeOffset> TelephoneContactTimes(Lead lead, DateTime since, IEnumerable<RecentCall> calls)
    {
        var attempts = lead.ContactAttempts
            .Where(a => a.Type != ContactMethod.Email && a.Timestamp > since && !NotPlaced.Contains(a.Outcome))
            .ToList();
        var known = attempts.Where(a => a.CallId is not null).Select(a => a.CallId!.Value).ToHashSet();
        return
        [
            .. attempts.Select(a => new DateTimeOffset(DateTime.SpecifyKind(a.Timestamp, DateTimeKind.Utc))),
            .. calls.Where(c => !known.Contains(c.Id)).Select(c => new DateTimeOffset(DateTime.SpecifyKind(c.InitiatedAt, DateTimeKind.Utc))),
        ];
    }

    /// <summary>A call as the per-day limits need it.</summary>
    private sealed record RecentCall(ObjectId Id, ObjectId LeadId, DateTime InitiatedAt);

    /// <summary>Attempt outcomes that are not calls or texts made by us (blocked before dialling, inbound replies).</summary>
    private static readonly HashSet<string> NotPlaced = new(StringComparer.Ordinal) { "blocked", "replied", "skipped" };
}
