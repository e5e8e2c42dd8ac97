using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Reassigned;
using static NextLevel.Domain.Compliance.ComplianceReasonCodes;
using static NextLevel.Domain.Tests.Compliance.FactsBuilder;

namespace NextLevel.Domain.Tests.Compliance.Reassigned;

public sealed class ReassignedNumberGateTests
{
    private static readonly DateTimeOffset OldConsent = Monday.AddDays(-40);

    [Fact]
    public void Consent_younger_than_the_policy_age_needs_no_check()
    {
        var decision = new FactsBuilder().Consent(at: Monday.AddDays(-30)).Evaluate(ContactChannel.AutomatedCall);
        decision.ShouldAllow();
        Assert.False(decision.ReassignedCheck!.CheckDue);
        Assert.Null(decision.ReassignedCheck.ConsentLogId);
    }

    [Theory]
    [InlineData(ContactChannel.AutomatedCall)]
    [InlineData(ContactChannel.Sms)]
    public void Old_consent_without_a_check_blocks_automated_contact_until_one_is_made(ContactChannel channel)
    {
        var decision = new FactsBuilder().Consent(at: OldConsent).Evaluate(channel);
        decision.ShouldBlockWith(ReassignedCheckRequired);
        Assert.True(decision.ReassignedCheck!.CheckDue);
        Assert.Equal(OldConsent, decision.ReassignedCheck.ConsentDate);
        Assert.Null(decision.NextAllowedAt);
    }

    [Fact]
    public void Old_consent_without_a_check_still_allows_a_person_to_call()
    {
        var decision = new FactsBuilder().Consent(at: OldConsent).Evaluate(ContactChannel.ManualCall);
        decision.ShouldAllow();
        Assert.True(decision.ReassignedCheck!.CheckDue);
    }

    [Fact]
    public void A_recent_not_reassigned_answer_allows_and_is_named_in_the_decision()
    {
        var builder = new FactsBuilder().Consent(at: OldConsent).ReassignedCheck(ReassignedCheckResult.NotReassigned, at: Monday.AddDays(-2));
        var decision = builder.Evaluate(ContactChannel.AutomatedCall);
        decision.ShouldAllow();
        Assert.False(decision.ReassignedCheck!.CheckDue);
        Assert.Equal("not_reassigned", decision.ReassignedCheck.Result);
        Assert.Equal(Monday.AddDays(-2), decision.ReassignedCheck.CheckedAt);
        var check = builder.Build().ConsentEvents.Single(e => e.EventType == ConsentEventType.ReassignedNumberCheck);
        Assert.Equal(check.Id.ToString(), decision.ReassignedCheck.ConsentLogId);
    }

    [Fact]
    public void A_check_older_than_the_recheck_interval_must_be_repeated()
    {
        new FactsBuilder().Consent(at: Monday.AddDays(-100)).ReassignedCheck(ReassignedCheckResult.NotReassigned, at: Monday.AddDays(-30))
            .Evaluate(ContactChannel.AutomatedCall).ShouldAllow();
        new FactsBuilder().Consent(at: Monday.AddDays(-100)).ReassignedCheck(ReassignedCheckResult.NotReassigned, at: Monday.AddDays(-31))
            .Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ReassignedCheckRequired);
    }

    [Fact]
    public void A_check_queried_with_a_later_consent_date_does_not_cover_the_consent()
    {
        new FactsBuilder().Consent(at: OldConsent).ReassignedCheck(ReassignedCheckResult.NotReassigned, consentDate: OldConsent.AddDays(3))
            .Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ReassignedCheckRequired);
    }

    [Fact]
    public void A_check_of_another_number_does_not_count()
    {
        new FactsBuilder().Consent(at: OldConsent).ReassignedCheck(ReassignedCheckResult.NotReassigned, phone: "+12065550111")
            .Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ReassignedCheckRequired);
    }

    [Theory]
    [InlineData(ContactChannel.AutomatedCall)]
    [InlineData(ContactChannel.Sms)]
    public void A_reassigned_answer_voids_the_consent_for_automated_contact(ContactChannel channel)
    {
        var decision = new FactsBuilder().Consent(at: Monday.AddDays(-5)).ReassignedCheck(ReassignedCheckResult.Reassigned, at: Monday.AddDays(-1))
            .Evaluate(channel);
        decision.ShouldBlockWith(NumberReassigned);
        Assert.Equal("reassigned", decision.ReassignedCheck!.Result);
        Assert.Null(decision.NextAllowedAt);
    }

    [Fact]
    public void A_reassigned_number_loses_the_written_consent_exception_to_the_national_list()
    {
        new FactsBuilder().Consent().NationalFlag().Evaluate(ContactChannel.ManualCall).ShouldAllow();
        new FactsBuilder().Consent().NationalFlag().ReassignedCheck(ReassignedCheckResult.Reassigned)
            .Evaluate(ContactChannel.ManualCall).ShouldBlockWith(NationalDnc);
        new FactsBuilder().Consent().ReassignedCheck(ReassignedCheckResult.Reassigned).Evaluate(ContactChannel.ManualCall).ShouldAllow();
    }

    [Fact]
    public void Consent_given_again_after_the_reassignment_is_the_new_subscribers_and_counts()
    {
        new FactsBuilder().Consent(at: Monday.AddDays(-20)).ReassignedCheck(ReassignedCheckResult.Reassigned, at: Monday.AddDays(-10))
            .Consent(at: Monday.AddDays(-5)).Evaluate(ContactChannel.AutomatedCall).ShouldAllow();
    }

    [Fact]
    public void A_check_made_before_the_consent_does_not_cover_it()
    {
        new FactsBuilder().ReassignedCheck(ReassignedCheckResult.NotReassigned, at: Monday.AddDays(-45), consentDate: Monday.AddDays(-60))
            .Consent(at: Monday.AddDays(-40)).Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ReassignedCheckRequired);
    }

    [Fact]
    public void No_data_by_default_blocks_the_ai_voice_and_allows_texts_and_people()
    {
        FactsBuilder Build() => new FactsBuilder().Consent(at: OldConsent).ReassignedCheck(ReassignedCheckResult.NoData);
        Build().Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ReassignedCheckNoData);
        Build().Evaluate(ContactChannel.Sms).ShouldAllow();
        Build().Evaluate(ContactChannel.ManualCall).ShouldAllow();
    }

    [Theory]
    [InlineData(NoDataPolicy.BlockAutomated, ContactChannel.Sms, false)]
    [InlineData(NoDataPolicy.BlockAutomated, ContactChannel.AutomatedCall, false)]
    [InlineData(NoDataPolicy.BlockAutomated, ContactChannel.ManualCall, true)]
    [InlineData(NoDataPolicy.Allow, ContactChannel.AutomatedCall, true)]
    [InlineData(NoDataPolicy.Allow, ContactChannel.Sms, true)]
    public void No_data_follows_the_configured_policy(NoDataPolicy policy, ContactChannel channel, bool allowed)
    {
        var decision = new FactsBuilder()
            .Policy(CompliancePolicy.Default with { Reassigned = ReassignedCheckSetting.Default with { NoDataPolicy = policy } })
            .Consent(at: OldConsent).ReassignedCheck(ReassignedCheckResult.NoData).Evaluate(channel);
        if (allowed) decision.ShouldAllow();
        else decision.ShouldBlockWith(ReassignedCheckNoData);
    }

    [Fact]
    public void The_consent_age_and_recheck_interval_come_from_the_policy()
    {
        var relaxed = CompliancePolicy.Default with { Reassigned = new ReassignedCheckSetting(90, 7, NoDataPolicy.BlockAiVoiceAllowHuman) };
        new FactsBuilder().Policy(relaxed).Consent(at: Monday.AddDays(-60)).Evaluate(ContactChannel.AutomatedCall).ShouldAllow();
        new FactsBuilder().Policy(relaxed).Consent(at: Monday.AddDays(-91)).ReassignedCheck(ReassignedCheckResult.NotReassigned, at: Monday.AddDays(-8))
            .Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ReassignedCheckRequired);
    }

    [Fact]
    public void Email_is_not_affected()
    {
        var decision = new FactsBuilder().Consent(at: OldConsent).ReassignedCheck(ReassignedCheckResult.Reassigned).Evaluate(ContactChannel.Email);
        decision.ShouldAllow();
    }

    [Fact]
    public void A_check_falling_due_overnight_does_not_cancel_the_next_allowed_time()
    {
        // 22:00 in Seattle; the consent turns 30 days old before the window opens at 08:00.
        var evening = Monday.AddHours(13);
        var decision = new FactsBuilder().Consent(at: evening.AddDays(-30).AddHours(2)).Evaluate(ContactChannel.AutomatedCall, evening);
        var morning = new FactsBuilder().Consent(at: evening.AddDays(-30).AddHours(2)).Evaluate(ContactChannel.AutomatedCall, Monday.AddDays(1).AddHours(-1));
        Assert.Equal([ReassignedCheckRequired], morning.Codes());
        Assert.All(decision.Codes(), c => Assert.Contains(c, TimeBased));
        Assert.Equal(Monday.AddDays(1).AddHours(-1), decision.NextAllowedAt);
    }
}
