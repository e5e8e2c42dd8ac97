using CsCheck;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Tests.Compliance;

namespace NextLevel.Domain.Tests.Closers;

/// <summary>
/// A call-back is never due outside the callee's legal calling window: over random instants (DST days weighted),
/// area codes, addresses and recent calls, an allowed time is inside 08:00–21:00 in every zone the callee may be in,
/// and a refused time names a later allowed time with no allowed time before it.
/// </summary>
public sealed class CallBackWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] AreaCodes = ["212", "305", "850", "907", "928", "602", "915", "208", "541", "906", "270", "423", "206", "415", "808", "405", "617"];
    private static readonly string?[] States = [null, "NY", "FL", "CA", "TX", "AZ", "HI", "AK", "OK", "WA", "IN", "TN", "ID", "OR", "MI", "LA"];
    private static readonly DateTimeOffset[] DstDays = [new(2026, 3, 8, 0, 0, 0, TimeSpan.Zero), new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)];

    private sealed record Scenario(string Phone, string? State, DateTimeOffset At, int[] CallsHoursAgo);

    private static readonly Gen<Scenario> Scenarios =
        from areaCode in Gen.OneOf(AreaCodes)
        from line in Gen.Int[2_000_000, 9_999_999]
        from state in Gen.OneOf(States)
        from at in Gen.Frequency(
            (3, Gen.Int[0, 365 * 24 * 60].Select(m => Start.AddMinutes(m))),
            (1, Gen.Select(Gen.Int[0, DstDays.Length - 1], Gen.Int[0, 48 * 60], (d, m) => DstDays[d].AddMinutes(m))))
        from calls in Gen.Int[0, 30].Array[0, 4]
        select new Scenario($"+1{areaCode}{line}", state, at, calls);

    private static ComplianceFacts Facts(Scenario s) =>
        new FactsBuilder().Phone(s.Phone).Address(s.State).CallsAt([.. s.CallsHoursAgo.Select(h => s.At.AddHours(-h))]).Build();

    private static bool InsideFederalWindowEverywhere(ComplianceFacts facts, DateTimeOffset at)
    {
        var location = CalleeLocation.Resolve(facts.Lead!.Contact.Phone, new AddressFacts(facts.Lead.Contact.Address?.State, facts.Lead.Contact.Address?.ZipCode));
        return location.Zones.Count > 0 && location.Zones.All(z =>
        {
            var local = TimeZoneInfo.ConvertTime(at, z).TimeOfDay;
            return local >= TimeSpan.FromHours(8) && local < TimeSpan.FromHours(21);
        });
    }

    [Fact]
    public void An_allowed_call_back_time_is_inside_the_window_in_every_zone_of_the_callee()
    {
        Scenarios.Sample(s =>
        {
            var facts = Facts(s);
            var window = ComplianceGate.CallBackTime(facts, s.At);
            return !window.Allowed || InsideFederalWindowEverywhere(facts, s.At);
        }, iter: 3000);
    }

    [Fact]
    public void A_refused_time_names_the_earliest_later_allowed_time()
    {
        Scenarios.Sample(s =>
        {
            var facts = Facts(s);
            var window = ComplianceGate.CallBackTime(facts, s.At);
            if (window.Allowed || window.NextAllowed is not { } next) return true;
            if (next <= s.At || !ComplianceGate.CallBackTime(facts, next).Allowed || !InsideFederalWindowEverywhere(facts, next)) return false;
            // Nothing in between is allowed (checked every 10 minutes, up to two days).
            for (var t = s.At.AddMinutes(10); t < next && t < s.At.AddDays(2); t = t.AddMinutes(10))
                if (ComplianceGate.CallBackTime(facts, t).Allowed) return false;
            return true;
        }, iter: 400);
    }

    [Fact]
    public void Nine_pm_in_Seattle_moves_to_eight_the_next_morning()
    {
        var facts = new FactsBuilder().Build();
        var ninePm = new DateTimeOffset(2026, 3, 3, 5, 0, 0, TimeSpan.Zero); // Monday 21:00 PST

        var window = ComplianceGate.CallBackTime(facts, ninePm);

        Assert.False(window.Allowed);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 16, 0, 0, TimeSpan.Zero), window.NextAllowed); // Tuesday 08:00 PST
        Assert.NotEmpty(window.Reasons);
    }

    [Fact]
    public void The_campaign_hours_bind_automated_calls_not_a_persons_call_back()
    {
        var facts = new FactsBuilder().Campaign("America/Los_Angeles", h => h.Monday = null).Build();

        Assert.True(ComplianceGate.CallBackTime(facts, FactsBuilder.Monday).Allowed);
    }

    [Fact]
    public void A_callee_whose_zone_is_unknown_gets_no_time()
    {
        var window = ComplianceGate.CallBackTime(new FactsBuilder().Phone(null).Address(null).Build(), FactsBuilder.Monday);

        Assert.False(window.Allowed);
        Assert.Null(window.NextAllowed);
    }
}
