using MongoDB.Bson;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Domain.Leads;

namespace NextLevel.Domain.Tests.Compliance;

/// <summary>
/// Fluent facts for the gate. Defaults: a Seattle lead (+1 206, WA address), no consent, no DNC entry, a national
/// list imported a day before <see cref="Monday"/> (Monday 2 March 2026, 17:00 UTC = 09:00 in Seattle), no campaign.
/// </summary>
internal sealed class FactsBuilder
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);
    public const string SellerText = "I agree that Next Level Real Estate may call and text me at this number using automated technology and an artificial or AI voice. Consent is not a condition of purchase.";

    private readonly Lead _lead = new()
    {
        Id = ObjectId.GenerateNewId(),
        Contact = new LeadContact { Phone = "+12065550100", Email = "owner@example.com", Address = new PostalAddress { State = "WA", ZipCode = "98101" } },
    };
    private readonly List<ConsentLog> _events = [];
    private readonly List<DncEntry> _dnc = [];
    private readonly List<DateTimeOffset> _contacts = [];
    private AddressFacts? _property;
    private CallingHours? _hours;
    private DateTimeOffset? _nationalImportedAt = Monday.AddDays(-1);
    private CompliancePolicy _policy = CompliancePolicy.Default;
    private DateTimeOffset _readAt = Monday;

    public ObjectId LeadId => _lead.Id;

    public FactsBuilder Phone(string? phone) { _lead.Contact.Phone = phone; return this; }

    public FactsBuilder Email(string? email) { _lead.Contact.Email = email; return this; }

    public FactsBuilder Address(string? state, string? zip = null)
    {
        _lead.Contact.Address = state is null ? null : new PostalAddress { State = state, ZipCode = zip };
        return this;
    }

    public FactsBuilder Property(string state, string? zip = null) { _property = new AddressFacts(state, zip); return this; }

    /// <summary>A written consent naming the seller and the lead's number, given at <paramref name="at"/> (default: 10 days before Monday).</summary>
    public FactsBuilder Consent(DateTimeOffset? at = null, bool calls = true, bool texts = true, string text = SellerText, string? phone = null, DateTime? expiresAt = null)
    {
        var given = (at ?? Monday.AddDays(-10)).UtcDateTime;
        _events.Add(new ConsentLog
        {
            Id = ObjectId.GenerateNewId(), LeadId = _lead.Id, Phone = phone ?? _lead.Contact.Phone, EventType = ConsentEventType.ConsentGranted,
            Timestamp = given,
            ConsentDetails = new ConsentDetails { Method = ConsentMethod.WebForm, Source = "test_form", ConsentText = text, AutomatedCallsAllowed = calls, TextMessagesAllowed = texts, ExpiresAt = expiresAt },
        });
        _lead.Consent = new LeadConsent
        {
            HasWrittenConsent = true, ConsentDate = given, ConsentText = text, AutomatedCallsAllowed = calls, TextMessagesAllowed = texts, ExpiresAt = expiresAt,
        };
        return this;
    }

    /// <summary>A consent on the lead record with no consent_granted event behind it.</summary>
    public FactsBuilder ConsentFlagsOnly()
    {
        _lead.Consent = new LeadConsent { HasWrittenConsent = true, AutomatedCallsAllowed = true, TextMessagesAllowed = true, ConsentText = SellerText };
        return this;
    }

    public FactsBuilder Revoked(DateTimeOffset? at = null, params ContactChannel[] channels)
    {
        _events.Add(new ConsentLog
        {
            Id = ObjectId.GenerateNewId(), LeadId = _lead.Id, Phone = _lead.Contact.Phone, EventType = ConsentEventType.ConsentRevoked,
            Timestamp = (at ?? Monday.AddDays(-1)).UtcDateTime, Channels = channels.Length == 0 ? null : [.. channels],
        });
        return this;
    }

    /// <summary>A Reassigned Numbers Database check recorded at <paramref name="at"/> (default: a day before Monday), queried
    /// with <paramref name="consentDate"/> (default: the date of the latest consent).</summary>
    public FactsBuilder ReassignedCheck(ReassignedCheckResult result, DateTimeOffset? at = null, DateTimeOffset? consentDate = null, string? phone = null)
    {
        var checkedAt = (at ?? Monday.AddDays(-1)).UtcDateTime;
        var date = consentDate?.UtcDateTime
            ?? _events.Where(e => e.EventType == ConsentEventType.ConsentGranted).Select(e => (DateTime?)e.Timestamp).Max()
            ?? checkedAt;
        _events.Add(new ConsentLog
        {
            Id = ObjectId.GenerateNewId(), LeadId = _lead.Id, Phone = phone ?? _lead.Contact.Phone, EventType = ConsentEventType.ReassignedNumberCheck,
            Timestamp = checkedAt,
            ReassignedCheck = new ReassignedCheck { Result = result, ConsentDate = date, CheckedAt = checkedAt, Provider = "test", RequestId = "req-1" },
        });
        return this;
    }

    public FactsBuilder Dnc(DncSource source, string? state = null, DateTime? expiresAt = null)
    {
        _dnc.Add(new DncEntry { Id = ObjectId.GenerateNewId(), Phone = _lead.Contact.Phone ?? "", Source = source, State = state, AddedAt = Monday.AddDays(-30).UtcDateTime, ExpiresAt = expiresAt });
        return this;
    }

    public FactsBuilder InternalDncFlag() { _lead.DncStatus.InternalDNC = true; return this; }

    public FactsBuilder NationalFlag() { _lead.DncStatus.OnNationalRegistry = true; return this; }

    public FactsBuilder NationalImportedAt(DateTimeOffset? at) { _nationalImportedAt = at; return this; }

    public FactsBuilder CallsAt(params DateTimeOffset[] times) { _contacts.AddRange(times); return this; }

    public FactsBuilder Campaign(string timezone, Action<CallingHours>? configure = null)
    {
        _hours = new CallingHours { Timezone = timezone };
        configure?.Invoke(_hours);
        return this;
    }

    public FactsBuilder Policy(CompliancePolicy policy) { _policy = policy; return this; }

    public FactsBuilder ReadAt(DateTimeOffset at) { _readAt = at; return this; }

    public ComplianceFacts Build() => new(_lead, _property, _hours, [.. _events], [.. _dnc], _nationalImportedAt, [.. _contacts], _policy, _readAt);

    public ComplianceDecision Evaluate(ContactChannel channel, DateTimeOffset? at = null) => ComplianceGate.Evaluate(Build(), channel, at ?? Monday);

    public static DailyWindow Window(string start, string end) => new() { Start = start, End = end };
}

internal static class DecisionAssertions
{
    public static IReadOnlyList<string> Codes(this ComplianceDecision decision) => [.. decision.Reasons.Select(r => r.Code)];

    public static void ShouldAllow(this ComplianceDecision decision) =>
        Assert.True(decision.Allowed, "Expected allowed, got: " + string.Join(", ", decision.Codes()));

    public static void ShouldBlockWith(this ComplianceDecision decision, string code)
    {
        Assert.False(decision.Allowed);
        Assert.Contains(code, decision.Codes());
    }
}
