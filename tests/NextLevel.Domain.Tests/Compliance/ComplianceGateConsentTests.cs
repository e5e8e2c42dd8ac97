using NextLevel.Domain.Compliance;
using static NextLevel.Domain.Compliance.ComplianceReasonCodes;
using static NextLevel.Domain.Tests.Compliance.FactsBuilder;

namespace NextLevel.Domain.Tests.Compliance;

public sealed class ComplianceGateConsentTests
{
    [Fact]
    public void Automated_call_with_valid_written_consent_inside_hours_is_allowed_and_names_its_evidence()
    {
        var builder = new FactsBuilder().Consent();
        var facts = builder.Build();
        var decision = ComplianceGate.Evaluate(facts, ContactChannel.AutomatedCall, Monday);

        decision.ShouldAllow();
        Assert.Equal(facts.ConsentEvents[0].Id.ToString(), decision.ConsentLogId);
        Assert.Equal(Monday, decision.NextAllowedAt);
        Assert.Equal(Monday, decision.DncCheckedAt);
        Assert.Equal("America/Los_Angeles", decision.CalleeTimeZone);
        Assert.Equal("2026-03-02T09:00:00-08:00", decision.CalleeLocalTime);
        Assert.True(decision.RecordingDisclosureRequired); // Washington is an all-party-consent state
    }

    [Fact]
    public void Automated_call_without_written_consent_is_blocked_and_not_rescheduled()
    {
        var decision = new FactsBuilder().Evaluate(ContactChannel.AutomatedCall);
        decision.ShouldBlockWith(NoWrittenConsent);
        Assert.Null(decision.NextAllowedAt);
        Assert.Null(decision.ConsentLogId);
    }

    [Fact]
    public void Consent_flags_on_the_lead_without_a_consent_event_are_not_written_consent() =>
        new FactsBuilder().ConsentFlagsOnly().Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(NoWrittenConsent);

    [Fact]
    public void Automated_text_needs_written_consent_covering_texts()
    {
        new FactsBuilder().Evaluate(ContactChannel.Sms).ShouldBlockWith(NoWrittenConsent);
        new FactsBuilder().Consent(texts: false).Evaluate(ContactChannel.Sms).ShouldBlockWith(ConsentChannelNotCovered);
        new FactsBuilder().Consent(calls: false).Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ConsentChannelNotCovered);
        new FactsBuilder().Consent(calls: false).Evaluate(ContactChannel.Sms).ShouldAllow();
    }

    [Fact]
    public void Manual_call_needs_no_written_consent_when_the_number_is_on_no_list() =>
        new FactsBuilder().Evaluate(ContactChannel.ManualCall).ShouldAllow();

    [Fact]
    public void Consent_that_does_not_name_the_seller_is_not_valid() =>
        new FactsBuilder().Consent(text: "I agree to receive calls and texts about my property inquiry")
            .Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ConsentSellerNotNamed);

    [Fact]
    public void Seller_name_matches_regardless_of_case_and_spacing() =>
        new FactsBuilder().Consent(text: "Yes, NEXT  LEVEL\nreal estate may call me with an AI voice.")
            .Evaluate(ContactChannel.AutomatedCall).ShouldAllow();

    [Fact]
    public void Consent_for_another_number_is_not_consent_for_this_one() =>
        new FactsBuilder().Consent(phone: "+12065550199").Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ConsentNumberMismatch);

    [Fact]
    public void Consent_expires_after_the_company_policy_period()
    {
        new FactsBuilder().Consent(at: Monday.AddDays(-364)).ReassignedCheck(NextLevel.Domain.Compliance.Reassigned.ReassignedCheckResult.NotReassigned)
            .Evaluate(ContactChannel.AutomatedCall).ShouldAllow();
        new FactsBuilder().Consent(at: Monday.AddDays(-365)).Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ConsentExpired);
        new FactsBuilder().Consent(expiresAt: Monday.AddMinutes(-1).UtcDateTime).Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ConsentExpired);
        new FactsBuilder().Policy(CompliancePolicy.Default with { ConsentValidityDays = 30 }).Consent(at: Monday.AddDays(-31))
            .Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ConsentExpired);
    }

    [Fact]
    public void Revocation_after_consent_blocks_every_telephone_channel_but_not_email()
    {
        var builder = new FactsBuilder().Consent().Revoked();
        builder.Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(ConsentRevoked);
        builder.Evaluate(ContactChannel.Sms).ShouldBlockWith(ConsentRevoked);
        builder.Evaluate(ContactChannel.ManualCall).ShouldBlockWith(ConsentRevoked);
        builder.Evaluate(ContactChannel.Email).ShouldAllow();
    }

    [Fact]
    public void Revocation_covers_only_the_channels_it_names()
    {
        var builder = new FactsBuilder().Consent().Revoked(null, ContactChannel.Sms);
        builder.Evaluate(ContactChannel.Sms).ShouldBlockWith(ConsentRevoked);
        builder.Evaluate(ContactChannel.AutomatedCall).ShouldAllow();
    }

    [Fact]
    public void New_written_consent_after_a_revocation_counts_again() =>
        new FactsBuilder().Consent(at: Monday.AddDays(-20)).Revoked(Monday.AddDays(-10)).Consent(at: Monday.AddDays(-5))
            .Evaluate(ContactChannel.AutomatedCall).ShouldAllow();

    [Fact]
    public void A_revocation_recorded_after_the_facts_were_read_but_before_the_call_counts()
    {
        var builder = new FactsBuilder().Consent().Revoked(Monday.AddHours(1)).ReadAt(Monday);
        builder.Evaluate(ContactChannel.AutomatedCall, Monday.AddHours(2)).ShouldBlockWith(ConsentRevoked);
    }

    [Fact]
    public void Email_needs_an_address_and_honours_an_email_opt_out_only()
    {
        new FactsBuilder().Email(null).Evaluate(ContactChannel.Email).ShouldBlockWith(NoEmail);
        new FactsBuilder().Revoked(null, ContactChannel.Email).Evaluate(ContactChannel.Email).ShouldBlockWith(EmailOptedOut);
        new FactsBuilder().Revoked().Evaluate(ContactChannel.Email).ShouldAllow();
    }

    [Fact]
    public void Email_is_not_bound_by_calling_hours_or_phone_lists()
    {
        var decision = new FactsBuilder().Dnc(DncSource.Internal).NationalImportedAt(null).Evaluate(ContactChannel.Email, Monday.AddHours(-14));
        decision.ShouldAllow();
        Assert.False(decision.RecordingDisclosureRequired);
        Assert.Null(decision.CalleeTimeZone);
    }

    [Fact]
    public void Unknown_lead_is_reported_as_not_found()
    {
        var facts = new ComplianceFacts(null, null, null, [], [], Monday, [], CompliancePolicy.Default, Monday);
        ComplianceGate.Evaluate(facts, ContactChannel.ManualCall, Monday).ShouldBlockWith(LeadNotFound);
    }

    [Fact]
    public void Lead_without_phone_cannot_be_called() =>
        new FactsBuilder().Phone(null).Address(null).Evaluate(ContactChannel.ManualCall).ShouldBlockWith(NoPhone);
}
