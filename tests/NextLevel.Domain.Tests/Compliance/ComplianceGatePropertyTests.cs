using CsCheck;
using MongoDB.Bson;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Data;
using NextLevel.Domain.Leads;

namespace NextLevel.Domain.Tests.Compliance;

/// <summary>
/// Invariants of the gate over random instants (two years, DST days weighted), area codes, addresses, consent and
/// revocation histories, DNC entries, national list ages and recent calls. Each invariant is checked against an
/// oracle written independently of the gate's code.
/// </summary>
public sealed class ComplianceGatePropertyTests
{
    private const long Iterations = 4000;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] AreaCodePool =
        ["212", "305", "850", "448", "907", "928", "602", "915", "214", "208", "541", "906", "605", "270", "423", "206", "415", "808", "405", "410", "215", "617", "800", "787"];

    private static readonly string?[] StatePool =
        [null, "NY", "FL", "CA", "TX", "AZ", "HI", "AK", "OK", "MD", "WA", "PA", "IN", "TN", "ID", "OR", "MI", "RI", "CT", "LA", "XX"];

    private static readonly DateTimeOffset[] DstDays =
        [new(2026, 3, 8, 0, 0, 0, TimeSpan.Zero), new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 3, 14, 0, 0, 0, TimeSpan.Zero), new(2027, 11, 7, 0, 0, 0, TimeSpan.Zero)];

    private sealed record EventSpec(bool Grant, int HoursBefore, bool NamesSeller, bool SameNumber, bool Calls, bool Texts, ContactChannel[]? Channels);

    private sealed record DncSpec(DncSource Source, int ExpiryHoursFromAt);

    private sealed record Scenario(
        string Phone, string? AddressState, string? Zip, string? PropertyState, ContactChannel Channel, DateTimeOffset At,
        EventSpec[] Events, bool LeadFlags, DncSpec[] Dnc, int? NationalAgeHours, int[] CallsHoursAgo, bool Campaign, bool InternalFlag);

    private static readonly Gen<DateTimeOffset> At = Gen.Frequency(
        (3, Gen.Int[0, 2 * 365 * 24 * 60].Select(m => Start.AddMinutes(m))),
        (1, Gen.Select(Gen.Int[0, DstDays.Length - 1], Gen.Int[0, 48 * 60], (d, m) => DstDays[d].AddMinutes(m))));

    private static readonly Gen<ContactChannel[]?> Channels = Gen.Frequency(
        (2, Gen.Const(default(ContactChannel[]?))),
        (1, Gen.OneOf(ContactChannel.AutomatedCall, ContactChannel.ManualCall, ContactChannel.Sms, ContactChannel.Email).Array[1, 3].Select(a => (ContactChannel[]?)a)));

    private static readonly Gen<EventSpec> Event =
        Gen.Select(Gen.Bool, Gen.Int[0, 500 * 24], Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false))), Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false))), Gen.Bool, Gen.Bool, Channels)
            .Select(t => new EventSpec(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7));

    private static readonly Gen<DncSpec> Dnc =
        Gen.Select(Gen.OneOf(DncSource.National, DncSource.Internal, DncSource.State, DncSource.Litigator), Gen.Int[-100, 100], (s, e) => new DncSpec(s, e));

    private static readonly Gen<Scenario> Scenarios =
        from areaCode in Gen.OneOf(AreaCodePool)
        from line in Gen.Int[2_000_000, 9_999_999]
        from address in Gen.OneOf(StatePool)
        from zip in Gen.OneOf<string?>(null, "32501", "33101", "79901", "75201", "83814", "97914", "49855", "37201", "37902", "10001", "9")
        from property in Gen.OneOf(StatePool)
        from channel in Gen.OneOf(ContactChannel.AutomatedCall, ContactChannel.ManualCall, ContactChannel.Sms, ContactChannel.Email)
        from at in At
        from events in Event.Array[0, 4]
        from flags in Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false)))
        from dnc in Gen.Frequency((2, Gen.Const(Array.Empty<DncSpec>())), (1, Dnc.Array[1, 2]))
        from national in Gen.Frequency((1, Gen.Const(default(int?))), (6, Gen.Int[0, 40 * 24].Select(h => (int?)h)))
        from calls in Gen.Int[0, 30].Array[0, 5]
        from campaign in Gen.Bool
        from internalFlag in Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true)))
        select new Scenario($"+1{areaCode}{line}", address, zip, property, channel, at, events, flags, dnc, national, calls, campaign, internalFlag);

    [Fact]
    public void Never_allowed_outside_0800_to_2100_callee_local_in_any_candidate_zone() =>
        Scenarios.Sample(s =>
        {
            var (facts, decision) = Decide(s);
            if (!decision.Allowed || !s.Channel.IsTelephone()) return;
            var zones = CandidateZones(s);
            Assert.NotEmpty(zones);
            foreach (var zone in zones)
            {
                var local = TimeZoneInfo.ConvertTime(s.At, zone).TimeOfDay;
                Assert.True(local >= TimeSpan.FromHours(8) && local < TimeSpan.FromHours(21), $"{zone.Id} {local}");
                if (CandidateStates(s).Overlaps(["FL", "OK", "MD", "WA", "MA", "LA", "MS", "AL"]))
                    Assert.True(local < TimeSpan.FromHours(20), $"{zone.Id} {local} in a state closing at 20:00");
            }
            _ = facts;
        }, iter: Iterations);

    [Fact]
    public void Never_an_automated_call_or_text_without_valid_written_consent() =>
        Scenarios.Sample(s =>
        {
            var (facts, decision) = Decide(s);
            if (decision.Allowed && s.Channel is ContactChannel.AutomatedCall or ContactChannel.Sms)
                Assert.True(HasValidWrittenConsent(facts, s.Channel, s.At), "allowed without valid written consent");
        }, iter: Iterations);

    [Fact]
    public void Never_any_call_or_text_to_a_number_on_the_internal_or_litigator_list() =>
        Scenarios.Sample(s =>
        {
            var (facts, decision) = Decide(s);
            if (!decision.Allowed || !s.Channel.IsTelephone()) return;
            Assert.False(facts.Lead!.DncStatus.InternalDNC);
            Assert.DoesNotContain(facts.DncEntries, e => e.Source is DncSource.Internal or DncSource.Litigator && (e.ExpiresAt is null || e.ExpiresAt > s.At.UtcDateTime));
        }, iter: Iterations);

    [Fact]
    public void Never_a_number_on_the_national_or_a_state_list_without_valid_written_consent() =>
        Scenarios.Sample(s =>
        {
            var (facts, decision) = Decide(s);
            if (!decision.Allowed || !s.Channel.IsTelephone()) return;
            var listed = facts.DncEntries.Any(e => e.Source is DncSource.National or DncSource.State && (e.ExpiresAt is null || e.ExpiresAt > s.At.UtcDateTime));
            if (listed) Assert.True(HasValidWrittenConsent(facts, s.Channel, s.At), "listed number allowed without written consent");
        }, iter: Iterations);

    [Fact]
    public void Never_a_call_with_a_national_list_copy_older_than_31_days() =>
        Scenarios.Sample(s =>
        {
            var (facts, decision) = Decide(s);
            if (decision.Allowed && s.Channel.IsTelephone())
                Assert.True(facts.NationalListImportedAt is { } imported && s.At - imported <= TimeSpan.FromDays(31));
        }, iter: Iterations);

    [Fact]
    public void Decisions_are_explained_and_next_allowed_time_is_the_earliest_passing_time() =>
        Scenarios.Sample(s =>
        {
            var (facts, decision) = Decide(s);
            Assert.Equal(decision.Allowed, decision.Reasons.Count == 0);
            Assert.Equal(decision, ComplianceGate.Evaluate(facts, s.Channel, s.At) with { Reasons = decision.Reasons });
            if (decision.Allowed) { Assert.Equal(s.At, decision.NextAllowedAt); return; }
            if (decision.NextAllowedAt is not { } next) return;
            Assert.All(decision.Reasons, r => Assert.Contains(r.Code, ComplianceReasonCodes.TimeBased));
            Assert.True(next > s.At);
            // A reassigned-number check falling due by then is run by the Worker at send time, so it does not count.
            static bool PassesOnceChecked(ComplianceDecision d) => d.Reasons.All(r => r.Code == ComplianceReasonCodes.ReassignedCheckRequired);
            Assert.True(PassesOnceChecked(ComplianceGate.Evaluate(facts, s.Channel, next)), "not allowed at NextAllowedAt");
            var justBefore = next.AddMinutes(-1);
            if (justBefore > s.At) Assert.False(PassesOnceChecked(ComplianceGate.Evaluate(facts, s.Channel, justBefore)), "allowed a minute before NextAllowedAt");
        }, iter: Iterations);

    private static (ComplianceFacts Facts, ComplianceDecision Decision) Decide(Scenario s)
    {
        var facts = Build(s);
        return (facts, ComplianceGate.Evaluate(facts, s.Channel, s.At));
    }

    private static ComplianceFacts Build(Scenario s)
    {
        var lead = new Lead
        {
            Id = ObjectId.GenerateNewId(),
            Contact = new LeadContact { Phone = s.Phone, Email = "x@example.com", Address = s.AddressState is null ? null : new PostalAddress { State = s.AddressState, ZipCode = s.Zip } },
            Consent = new LeadConsent { HasWrittenConsent = s.LeadFlags, AutomatedCallsAllowed = s.LeadFlags, TextMessagesAllowed = s.LeadFlags },
            DncStatus = new DncStatus { InternalDNC = s.InternalFlag },
        };
        var events = s.Events.Select(e => new ConsentLog
        {
            Id = ObjectId.GenerateNewId(),
            LeadId = lead.Id,
            Phone = e.SameNumber ? s.Phone : "+12025550123",
            EventType = e.Grant ? ConsentEventType.ConsentGranted : ConsentEventType.ConsentRevoked,
            Timestamp = s.At.AddHours(-e.HoursBefore).UtcDateTime,
            Channels = e.Grant ? null : e.Channels?.ToList(),
            ConsentDetails = e.Grant
                ? new ConsentDetails { ConsentText = e.NamesSeller ? FactsBuilder.SellerText : "You may call me about my inquiry.", AutomatedCallsAllowed = e.Calls, TextMessagesAllowed = e.Texts }
                : null,
        }).ToList();
        var dnc = s.Dnc.Select(d => new DncEntry
        {
            Phone = s.Phone, Source = d.Source, State = d.Source == DncSource.State ? "FL" : null,
            AddedAt = s.At.AddDays(-40).UtcDateTime, ExpiresAt = d.ExpiryHoursFromAt > 50 ? null : s.At.AddHours(d.ExpiryHoursFromAt).UtcDateTime,
        }).ToList();
        var hours = s.Campaign
            ? new CallingHours
            {
                Timezone = "America/Los_Angeles",
                Monday = FactsBuilder.Window("09:00", "18:00"), Tuesday = FactsBuilder.Window("09:00", "18:00"), Wednesday = FactsBuilder.Window("09:00", "18:00"),
                Thursday = FactsBuilder.Window("09:00", "18:00"), Friday = FactsBuilder.Window("09:00", "18:00"), Saturday = FactsBuilder.Window("10:00", "14:00"),
            }
            : null;
        return new ComplianceFacts(
            lead, s.PropertyState is null ? null : new AddressFacts(s.PropertyState, null), hours, events, dnc,
            s.NationalAgeHours is { } age ? s.At.AddHours(-age) : null,
            [.. s.CallsHoursAgo.Select(h => s.At.AddHours(-h))],
            CompliancePolicy.Default, s.At);
    }

    /// <summary>Independent oracle: a grant covering the channel, naming the seller and this number, within 365 days, with no later revocation covering the channel.</summary>
    private static bool HasValidWrittenConsent(ComplianceFacts facts, ContactChannel channel, DateTimeOffset at)
    {
        var lead = facts.Lead!;
        var flag = channel == ContactChannel.Sms ? lead.Consent.TextMessagesAllowed : lead.Consent.AutomatedCallsAllowed;
        if (!lead.Consent.HasWrittenConsent || !flag) return false;
        return facts.ConsentEvents.Any(g =>
            g.EventType == ConsentEventType.ConsentGranted
            && (channel == ContactChannel.Sms ? g.ConsentDetails!.TextMessagesAllowed : g.ConsentDetails!.AutomatedCallsAllowed)
            && g.ConsentDetails.ConsentText!.Contains("Next Level Real Estate", StringComparison.OrdinalIgnoreCase)
            && g.Phone == lead.Contact.Phone
            && g.Timestamp.AddDays(365) > at.UtcDateTime
            && !facts.ConsentEvents.Any(r =>
                r.EventType == ConsentEventType.ConsentRevoked
                && (r.Timestamp > g.Timestamp || (r.Timestamp == g.Timestamp && r.Id > g.Id))
                && (r.Channels is null ? channel != ContactChannel.Email : r.Channels.Contains(channel))));
    }

    private static HashSet<string> CandidateStates(Scenario s)
    {
        var states = new HashSet<string>(StringComparer.Ordinal);
        if (AreaCodes.Find(s.Phone.Substring(2, 3)) is { } info) states.Add(info.State);
        foreach (var state in new[] { s.AddressState, s.PropertyState }) if (States.IsKnown(state)) states.Add(state!);
        return states;
    }

    /// <summary>Every zone the area code or either address could put the callee in (from the data tables).</summary>
    private static List<TimeZoneInfo> CandidateZones(Scenario s)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (AreaCodes.Find(s.Phone.Substring(2, 3)) is { } info) ids.UnionWith(info.Zones);
        if (States.IsKnown(s.AddressState)) ids.UnionWith(States.ZonesOf(s.AddressState!, s.Zip));
        if (States.IsKnown(s.PropertyState)) ids.UnionWith(States.ZonesOf(s.PropertyState!, null));
        return [.. ids.Select(TimeZoneInfo.FindSystemTimeZoneById)];
    }
}
