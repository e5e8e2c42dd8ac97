using NextLevel.Domain.Compliance;
using static NextLevel.Domain.Compliance.ComplianceReasonCodes;
using static NextLevel.Domain.Tests.Compliance.FactsBuilder;

namespace NextLevel.Domain.Tests.Compliance;

public sealed class ComplianceGateDncTests
{
    [Theory]
    [InlineData(ContactChannel.AutomatedCall)]
    [InlineData(ContactChannel.ManualCall)]
    [InlineData(ContactChannel.Sms)]
    public void Internal_dnc_blocks_every_telephone_channel_even_with_written_consent(ContactChannel channel)
    {
        new FactsBuilder().Consent().Dnc(DncSource.Internal).Evaluate(channel).ShouldBlockWith(InternalDnc);
        new FactsBuilder().Consent().InternalDncFlag().Evaluate(channel).ShouldBlockWith(InternalDnc);
    }

    [Fact]
    public void An_ended_internal_entry_no_longer_blocks() =>
        new FactsBuilder().Dnc(DncSource.Internal, expiresAt: Monday.AddDays(-1).UtcDateTime).Evaluate(ContactChannel.ManualCall).ShouldAllow();

    [Fact]
    public void Litigator_list_blocks_even_with_written_consent() =>
        new FactsBuilder().Consent().Dnc(DncSource.Litigator).Evaluate(ContactChannel.AutomatedCall).ShouldBlockWith(LitigatorDnc);

    [Fact]
    public void National_registry_blocks_calls_without_written_consent()
    {
        new FactsBuilder().Dnc(DncSource.National).Evaluate(ContactChannel.ManualCall).ShouldBlockWith(NationalDnc);
        new FactsBuilder().NationalFlag().Evaluate(ContactChannel.ManualCall).ShouldBlockWith(NationalDnc);
    }

    [Fact]
    public void National_registry_yields_to_valid_written_consent()
    {
        new FactsBuilder().Consent().Dnc(DncSource.National).Evaluate(ContactChannel.ManualCall).ShouldAllow();
        new FactsBuilder().Consent().Dnc(DncSource.National).Evaluate(ContactChannel.AutomatedCall).ShouldAllow();
    }

    [Fact]
    public void National_registry_does_not_yield_to_invalid_consent()
    {
        new FactsBuilder().Consent(text: "Calls about my inquiry are fine").Dnc(DncSource.National).Evaluate(ContactChannel.ManualCall).ShouldBlockWith(NationalDnc);
        new FactsBuilder().Consent(at: Monday.AddDays(-400)).Dnc(DncSource.National).Evaluate(ContactChannel.ManualCall).ShouldBlockWith(NationalDnc);
    }

    [Fact]
    public void State_list_blocks_without_written_consent_and_yields_to_it()
    {
        var decision = new FactsBuilder().Dnc(DncSource.State, "FL").Evaluate(ContactChannel.ManualCall);
        decision.ShouldBlockWith(StateDnc);
        Assert.Contains("FL", decision.Reasons.Single(r => r.Code == StateDnc).Message);
        new FactsBuilder().Consent().Dnc(DncSource.State, "FL").Evaluate(ContactChannel.ManualCall).ShouldAllow();
    }

    [Fact]
    public void National_list_copy_may_be_31_days_old_but_no_older()
    {
        new FactsBuilder().NationalImportedAt(Monday.AddDays(-31)).Evaluate(ContactChannel.ManualCall).ShouldAllow();
        var stale = new FactsBuilder().NationalImportedAt(Monday.AddDays(-31).AddMinutes(-1)).Consent().Evaluate(ContactChannel.AutomatedCall);
        stale.ShouldBlockWith(NationalDncListStale);
        Assert.Null(stale.NextAllowedAt);
        new FactsBuilder().NationalImportedAt(null).Evaluate(ContactChannel.Sms).ShouldBlockWith(NationalDncListMissing);
    }
}
