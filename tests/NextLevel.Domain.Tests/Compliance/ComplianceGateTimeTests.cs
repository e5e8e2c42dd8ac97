using NextLevel.Domain.Compliance;
using static NextLevel.Domain.Compliance.ComplianceReasonCodes;
using static NextLevel.Domain.Tests.Compliance.FactsBuilder;

namespace NextLevel.Domain.Tests.Compliance;

public sealed class ComplianceGateTimeTests
{
    private static FactsBuilder NewYorker() => new FactsBuilder().Phone("+12125550100").Address("NY", "10001");

    private static FactsBuilder Floridian() => new FactsBuilder().Phone("+13055550100").Address("FL", "33101");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(12, 59, false)] // 07:59 EST
    [InlineData(13, 0, true)]   // 08:00 EST
    [InlineData(18, 0, true)]
    public void Federal_window_opens_at_0800_callee_local(int hour, int minute, bool allowed)
    {
        var decision = NewYorker().Evaluate(ContactChannel.ManualCall, Utc(3, 2, hour, minute));
        Assert.Equal(allowed, decision.Allowed);
        if (!allowed) Assert.Equal([OutsideCallingHours], decision.Codes());
    }

    [Fact]
    public void Federal_window_closes_at_2100_callee_local()
    {
        NewYorker().Evaluate(ContactChannel.ManualCall, Utc(3, 3, 1, 59)).ShouldAllow();                 // 20:59 EST
        var closed = NewYorker().Evaluate(ContactChannel.ManualCall, Utc(3, 3, 2, 0));                  // 21:00 EST
        closed.ShouldBlockWith(OutsideCallingHours);
        Assert.Equal(Utc(3, 3, 13, 0), closed.NextAllowedAt);                                          // 08:00 EST next morning
    }

    [Fact]
    public void Texts_keep_the_same_hours_as_calls() =>
        NewYorker().Consent().Evaluate(ContactChannel.Sms, Utc(3, 2, 12, 0)).ShouldBlockWith(OutsideCallingHours);

    [Fact]
    public void Spring_forward_moves_the_utc_opening_an_hour_earlier()
    {
        NewYorker().Evaluate(ContactChannel.ManualCall, Utc(3, 7, 12, 0)).ShouldBlockWith(OutsideCallingHours); // Saturday 07:00 EST
        NewYorker().Evaluate(ContactChannel.ManualCall, Utc(3, 8, 11, 59)).ShouldBlockWith(OutsideCallingHours); // Sunday 07:59 EDT
        NewYorker().Evaluate(ContactChannel.ManualCall, Utc(3, 8, 12, 0)).ShouldAllow();                        // Sunday 08:00 EDT
        Assert.Equal(Utc(3, 8, 12, 0), NewYorker().Evaluate(ContactChannel.ManualCall, Utc(3, 8, 6, 30)).NextAllowedAt);
    }

    [Fact]
    public void Fall_back_moves_the_utc_opening_an_hour_later()
    {
        FactsBuilder NewYorker() => ComplianceGateTimeTests.NewYorker().NationalImportedAt(Utc(10, 25, 0));
        NewYorker().Evaluate(ContactChannel.ManualCall, Utc(10, 31, 12, 0)).ShouldAllow();                        // 08:00 EDT
        NewYorker().Evaluate(ContactChannel.ManualCall, Utc(11, 1, 12, 30)).ShouldBlockWith(OutsideCallingHours); // 07:30 EST
        NewYorker().Evaluate(ContactChannel.ManualCall, Utc(11, 1, 13, 0)).ShouldAllow();                         // 08:00 EST
        Assert.Equal(Utc(11, 1, 13, 0), NewYorker().Evaluate(ContactChannel.ManualCall, Utc(11, 1, 5, 0)).NextAllowedAt);
    }

    [Fact]
    public void When_area_code_and_address_disagree_the_call_must_be_legal_in_both_zones()
    {
        var bicoastal = new FactsBuilder().Phone("+12125550100").Address("CA", "94105");
        var morning = bicoastal.Evaluate(ContactChannel.ManualCall, Utc(3, 2, 14, 30));                 // 09:30 New York, 06:30 San Francisco
        morning.ShouldBlockWith(OutsideCallingHours);
        Assert.Equal("America/Los_Angeles,America/New_York", morning.CalleeTimeZone);
        Assert.Equal(Utc(3, 2, 16, 0), morning.NextAllowedAt);                                           // 08:00 in San Francisco
        bicoastal.Evaluate(ContactChannel.ManualCall, Utc(3, 3, 1, 30)).ShouldAllow();                  // 20:30 New York, 17:30 San Francisco
        var evening = bicoastal.Evaluate(ContactChannel.ManualCall, Utc(3, 3, 2, 0));                   // 21:00 New York
        evening.ShouldBlockWith(OutsideCallingHours);
        Assert.Equal(Utc(3, 3, 16, 0), evening.NextAllowedAt);
        Assert.True(evening.RecordingDisclosureRequired);                                                // California
    }

    [Fact]
    public void Property_address_counts_as_a_candidate_location()
    {
        var decision = NewYorker().Property("CA", "90001").Evaluate(ContactChannel.ManualCall, Utc(3, 2, 14, 30));
        decision.ShouldBlockWith(OutsideCallingHours);
    }

    [Fact]
    public void A_split_area_code_without_an_address_requires_both_zones()
    {
        var panhandle = new FactsBuilder().Phone("+18505550100").Address(null);
        var decision = panhandle.Evaluate(ContactChannel.ManualCall, Utc(3, 2, 13, 30));                // 08:30 Eastern, 07:30 Central
        decision.ShouldBlockWith(OutsideCallingHours);
        Assert.Equal("America/Chicago,America/New_York", decision.CalleeTimeZone);
    }

    [Fact]
    public void Florida_closes_at_2000()
    {
        Floridian().Evaluate(ContactChannel.ManualCall, Utc(3, 3, 0, 59)).ShouldAllow();                 // 19:59 EST
        var late = Floridian().Evaluate(ContactChannel.ManualCall, Utc(3, 3, 1, 0));                    // 20:00 EST
        Assert.Equal([OutsideStateCallingHours], late.Codes());
        Assert.Equal(Utc(3, 3, 13, 0), late.NextAllowedAt);
    }

    [Fact]
    public void Florida_area_code_brings_florida_rules_even_with_an_address_elsewhere() =>
        new FactsBuilder().Phone("+13055550100").Address("NY", "10001").Evaluate(ContactChannel.ManualCall, Utc(3, 3, 1, 30))
            .ShouldBlockWith(OutsideStateCallingHours);

    [Fact]
    public void Florida_allows_three_calls_in_24_hours_then_waits_for_the_oldest_to_leave_the_window()
    {
        var at = Monday; // 12:00 EST
        Floridian().CallsAt(at.AddHours(-20), at.AddHours(-10)).Evaluate(ContactChannel.ManualCall, at).ShouldAllow();
        Floridian().CallsAt(at.AddHours(-24), at.AddHours(-20), at.AddHours(-10)).Evaluate(ContactChannel.ManualCall, at).ShouldAllow();
        var third = Floridian().CallsAt(at.AddHours(-20), at.AddHours(-10), at.AddHours(-1)).Evaluate(ContactChannel.ManualCall, at);
        Assert.Equal([StateCallLimitReached], third.Codes());
        Assert.Equal(at.AddHours(4), third.NextAllowedAt);
        Floridian().CallsAt(at.AddHours(-20), at.AddHours(-10), at.AddHours(-1)).Evaluate(ContactChannel.ManualCall, at.AddHours(4)).ShouldAllow();
    }

    [Fact]
    public void Texas_calls_wait_until_noon_on_sunday()
    {
        var texan = new FactsBuilder().Phone("+12145550100").Address("TX", "75201");
        var decision = texan.Evaluate(ContactChannel.ManualCall, Utc(3, 1, 16, 0));                     // Sunday 10:00 CST
        Assert.Equal([OutsideStateCallingHours], decision.Codes());
        Assert.Equal(Utc(3, 1, 18, 0), decision.NextAllowedAt);
    }

    [Fact]
    public void Campaign_hours_narrow_the_window_in_the_campaign_zone()
    {
        FactsBuilder Seattle() => new FactsBuilder().Campaign("America/Los_Angeles", h => { h.Monday = Window("09:00", "18:00"); h.Sunday = null; });
        Seattle().Evaluate(ContactChannel.ManualCall, Monday).ShouldAllow();                             // 09:00 PST
        var early = Seattle().Evaluate(ContactChannel.ManualCall, Monday.AddMinutes(-1));
        Assert.Equal([OutsideCampaignHours], early.Codes());
        Assert.Equal(Monday, early.NextAllowedAt);
        var sunday = Seattle().Evaluate(ContactChannel.ManualCall, Utc(3, 1, 20, 0));                    // Sunday noon
        sunday.ShouldBlockWith(OutsideCampaignHours);
        Assert.Equal(Monday, sunday.NextAllowedAt);
        Seattle().Evaluate(ContactChannel.ManualCall, Monday.AddHours(9)).ShouldBlockWith(OutsideCampaignHours); // 18:00 PST
    }

    [Fact]
    public void A_campaign_with_an_unknown_zone_blocks_without_a_next_time()
    {
        var decision = new FactsBuilder().Campaign("Mars/Olympus_Mons", h => h.Monday = Window("09:00", "18:00")).Evaluate(ContactChannel.ManualCall);
        decision.ShouldBlockWith(CampaignHoursInvalid);
        Assert.Null(decision.NextAllowedAt);
    }

    [Theory]
    [InlineData("+18005550100")]
    [InlineData("+442071838750")]
    public void Unknown_callee_zone_blocks_calls(string phone)
    {
        var decision = new FactsBuilder().Phone(phone).Address(null).Evaluate(ContactChannel.ManualCall);
        decision.ShouldBlockWith(CalleeTimeZoneUnknown);
        Assert.Null(decision.NextAllowedAt);
    }

    [Fact]
    public void Recording_disclosure_follows_all_party_consent_states()
    {
        Assert.False(NewYorker().Evaluate(ContactChannel.ManualCall).RecordingDisclosureRequired);
        Assert.True(Floridian().Evaluate(ContactChannel.ManualCall).RecordingDisclosureRequired);
        Assert.True(new FactsBuilder().Phone("+12155550100").Address("PA").Evaluate(ContactChannel.AutomatedCall).RecordingDisclosureRequired);
        Assert.False(Floridian().Consent().Evaluate(ContactChannel.Sms).RecordingDisclosureRequired);
    }

    [Fact]
    public void A_stored_window_can_narrow_but_not_widen_the_federal_window()
    {
        var narrow = CompliancePolicy.Default with { WindowStart = new TimeOnly(9, 0) };
        NewYorker().Policy(narrow).Evaluate(ContactChannel.ManualCall, Utc(3, 2, 13, 30)).ShouldBlockWith(OutsideCallingHours);
    }
}
