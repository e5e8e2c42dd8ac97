using NextLevel.Domain.Leads;
using NextLevel.Domain.Properties;
using NextLevel.Domain.Scoring;

namespace NextLevel.Domain.Tests.Scoring;

public class LeadScoringTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc);

    private static ScoringInput MotivatedSeller() => new(
        LeadSource.Zillow, IntentType.Seller, Level.High, MotivationFactorCount: 2, Timeframe: "30_days",
        EquityFraction: 0.45, EstimatedValue: 350_000m, PropertyType.SingleFamily, PropertyCondition.NeedsWork,
        HasPhone: true, HasWrittenConsent: true);

    [Fact]
    public void Motivated_seller_with_equity_and_consent_scores_top_and_qualifies()
    {
        var result = LeadScoring.Score(MotivatedSeller(), ScoringPolicy.Default, Now);

        Assert.Equal(1.0, result.Score);
        Assert.True(result.Qualified);
        Assert.Equal(Now, result.QualifiedAt);
        Assert.Equal(Level.High, result.WholesalePotential);
    }

    [Fact]
    public void Low_equity_never_qualifies_however_high_the_score()
    {
        var result = LeadScoring.Score(MotivatedSeller() with { EquityFraction = 0.15 }, ScoringPolicy.Default, Now);

        Assert.False(result.Criteria.HasMinEquity);
        Assert.False(result.Qualified);
        Assert.Null(result.QualifiedAt);
    }

    [Fact]
    public void Over_budget_property_does_not_qualify()
    {
        var result = LeadScoring.Score(MotivatedSeller() with { EstimatedValue = 900_000m }, ScoringPolicy.Default, Now);

        Assert.False(result.Criteria.WithinBudget);
        Assert.False(result.Qualified);
    }

    [Fact]
    public void Buyers_score_half_of_an_equal_seller()
    {
        var seller = LeadScoring.Score(MotivatedSeller(), ScoringPolicy.Default, Now);
        var buyer = LeadScoring.Score(MotivatedSeller() with { Intent = IntentType.Buyer }, ScoringPolicy.Default, Now);

        Assert.Equal(seller.Score / 2, buyer.Score, precision: 2);
    }

    [Fact]
    public void Score_stays_within_zero_and_one()
    {
        var bare = new ScoringInput(LeadSource.Manual, null, null, 0, null, 0.0, null, null, null, false, false);

        var result = LeadScoring.Score(bare, ScoringPolicy.Default, Now);

        Assert.InRange(result.Score, 0, 1);
        Assert.Equal(Level.Low, result.WholesalePotential);
    }
}
