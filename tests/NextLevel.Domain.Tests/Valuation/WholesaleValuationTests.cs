using NextLevel.Domain.Valuation;

namespace NextLevel.Domain.Tests.Valuation;

public class WholesaleValuationTests
{
    [Fact]
    public void Offer_is_seventy_percent_of_arv_minus_repairs()
    {
        var offer = WholesaleValuation.Calculate(afterRepairValue: 485_000m, repairCost: 12_000m);

        Assert.Equal(327_500m, offer.WholesalePrice);
        Assert.Equal(485_000m - 12_000m - 327_500m, offer.ProfitMargin);
    }

    [Fact]
    public void Offer_rounds_down_to_whole_dollars()
    {
        Assert.Equal(69_999m, WholesaleValuation.Calculate(100_001.30m, 1m).WholesalePrice);
    }

    [Fact]
    public void Offer_never_goes_below_zero_when_repairs_exceed_the_rule()
    {
        var offer = WholesaleValuation.Calculate(100_000m, 90_000m);

        Assert.Equal(0m, offer.WholesalePrice);
        Assert.Equal(10_000m, offer.ProfitMargin);
    }

    [Fact]
    public void Negative_inputs_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WholesaleValuation.Calculate(-1m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => WholesaleValuation.Calculate(1m, -1m));
    }
}
