using CsCheck;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Reassigned;
using static NextLevel.Domain.Compliance.ComplianceReasonCodes;
using static NextLevel.Domain.Tests.Compliance.FactsBuilder;

namespace NextLevel.Domain.Tests.Compliance.Reassigned;

/// <summary>
/// The gate's Reassigned Numbers Database rules over random consent ages, check histories (answers, times, consent dates
/// queried, numbers), policies and channels, against an oracle written from the rules in docs/compliance.md.
/// </summary>
public sealed class ReassignedNumberPropertyTests
{
    private const long Iterations = 4000;
    private const string OtherPhone = "+12065550111";

    private sealed record CheckSpec(ReassignedCheckResult Result, int HoursAgo, int ConsentDateShiftDays, bool SamePhone);

    private sealed record Scenario(int ConsentHoursAgo, CheckSpec[] Checks, ReassignedCheckSetting Policy, ContactChannel Channel, int? RegrantHoursAgo);

    private static readonly Gen<CheckSpec> Check =
        Gen.Select(Gen.OneOf(ReassignedCheckResult.Reassigned, ReassignedCheckResult.NotReassigned, ReassignedCheckResult.NoData),
                Gen.Int[0, 320 * 24], Gen.Frequency((4, Gen.Const(0)), (1, Gen.Int[-5, 5])), Gen.Frequency((5, Gen.Const(true)), (1, Gen.Const(false))))
            .Select(t => new CheckSpec(t.Item1, t.Item2, t.Item3, t.Item4));

    private static readonly Gen<ReassignedCheckSetting> Policy =
        Gen.Select(Gen.Int[1, 90], Gen.Int[1, 90], Gen.OneOf(NoDataPolicy.BlockAiVoiceAllowHuman, NoDataPolicy.BlockAutomated, NoDataPolicy.Allow),
            (age, interval, noData) => new ReassignedCheckSetting(age, interval, noData));

    private static readonly Gen<Scenario> Scenarios =
        from consent in Gen.Int[0, 300 * 24]
        from checks in Check.Array[0, 4]
        from policy in Policy
        from channel in Gen.OneOf(ContactChannel.AutomatedCall, ContactChannel.Sms, ContactChannel.ManualCall)
        from regrant in Gen.Frequency((4, Gen.Const(default(int?))), (1, Gen.Int[0, 300 * 24].Select(h => (int?)h)))
        select new Scenario(consent, checks, policy, channel, regrant);

    /// <summary>The facts, the consent relied on (the later one when consent was given again), and the first consent's
    /// date (the checks were queried relative to it).</summary>
    private static (FactsBuilder Builder, DateTimeOffset Grant, DateTimeOffset First) Build(Scenario s)
    {
        var builder = new FactsBuilder().Policy(CompliancePolicy.Default with { Reassigned = s.Policy });
        var grant = Monday.AddHours(-s.ConsentHoursAgo);
        var first = grant;
        builder.Consent(at: grant);
        foreach (var c in s.Checks)
            builder.ReassignedCheck(c.Result, Monday.AddHours(-c.HoursAgo), grant.AddDays(c.ConsentDateShiftDays), c.SamePhone ? null : OtherPhone);
        if (s.RegrantHoursAgo is { } regrant && Monday.AddHours(-regrant) > grant)
        {
            grant = Monday.AddHours(-regrant);
            builder.Consent(at: grant);
        }
        return (builder, grant, first);
    }

    [Fact]
    public void A_number_reported_reassigned_after_the_consent_is_never_called_or_texted_automatically() =>
        Scenarios.Where(s => s.Channel != ContactChannel.ManualCall).Sample(s =>
        {
            var (builder, grant, _) = Build(s);
            var reportedAfterConsent = s.Checks.Any(c => c.Result == ReassignedCheckResult.Reassigned && c.SamePhone && Monday.AddHours(-c.HoursAgo) >= grant);
            var decision = builder.Evaluate(s.Channel);
            return !reportedAfterConsent || (!decision.Allowed && decision.Codes().Contains(NumberReassigned) && decision.NextAllowedAt is null);
        }, iter: Iterations);

    [Fact]
    public void Stale_consent_without_a_fresh_covering_check_is_never_contacted_automatically() =>
        Scenarios.Where(s => s.Channel != ContactChannel.ManualCall).Sample(s =>
        {
            var (builder, grant, first) = Build(s);
            var stale = Monday - grant > TimeSpan.FromDays(s.Policy.ConsentAgeDays);
            var freshCover = s.Checks.Any(c => c.SamePhone && Monday.AddHours(-c.HoursAgo) >= grant
                && first.AddDays(c.ConsentDateShiftDays).Date <= grant.Date && TimeSpan.FromHours(c.HoursAgo) <= TimeSpan.FromDays(s.Policy.RecheckIntervalDays));
            var decision = builder.Evaluate(s.Channel);
            return !stale || freshCover || !decision.Allowed;
        }, iter: Iterations);

    [Fact]
    public void The_reassigned_reason_codes_match_the_rules_and_the_no_data_policy() =>
        Scenarios.Sample(s =>
        {
            var (builder, grant, first) = Build(s);
            var expected = Oracle(s, grant, first);
            var actual = builder.Evaluate(s.Channel).Codes().Where(c => c is NumberReassigned or ReassignedCheckRequired or ReassignedCheckNoData).ToList();
            return expected is null ? actual.Count == 0 : actual.SequenceEqual([expected]);
        }, iter: Iterations);

    /// <summary>The one reassigned-number reason the rules give for the scenario, or null.</summary>
    private static string? Oracle(Scenario s, DateTimeOffset grant, DateTimeOffset first)
    {
        var automated = s.Channel != ContactChannel.ManualCall;
        var after = s.Checks.Select((c, i) => (c, i, At: Monday.AddHours(-c.HoursAgo)))
            .Where(x => x.c.SamePhone && x.At >= grant).OrderBy(x => x.At).ThenBy(x => x.i).ToList();
        if (after.Any(x => x.c.Result == ReassignedCheckResult.Reassigned)) return automated ? NumberReassigned : null;
        var covering = after.LastOrDefault(x => first.AddDays(x.c.ConsentDateShiftDays).Date <= grant.Date);
        var due = Monday - grant > TimeSpan.FromDays(s.Policy.ConsentAgeDays);
        var fresh = covering.c is not null && Monday - covering.At <= TimeSpan.FromDays(s.Policy.RecheckIntervalDays);
        if (due && !fresh) return automated ? ReassignedCheckRequired : null;
        if (covering.c?.Result != ReassignedCheckResult.NoData) return null;
        var blocks = s.Policy.NoDataPolicy switch
        {
            NoDataPolicy.BlockAiVoiceAllowHuman => s.Channel == ContactChannel.AutomatedCall,
            NoDataPolicy.BlockAutomated => automated,
            _ => false,
        };
        return blocks ? ReassignedCheckNoData : null;
    }
}
