using NextLevel.Domain.Reporting;

namespace NextLevel.Domain.Tests.Closers;

public sealed class ClosingMetricsTests
{
    [Fact]
    public void Ratios_follow_from_the_counts()
    {
        var ratios = ClosingMetrics.Ratios(156, 7_100m, new ClosingCounts(23, 12, 5, 147_000m));

        Assert.Equal(Math.Round(5 / 156.0, 4), ratios.ConversionRate);
        Assert.Equal(1_420m, ratios.CostPerDeal);
        Assert.Equal(Math.Round((147_000 - 7_100) / 7_100.0, 2), ratios.Roi);
    }

    [Fact]
    public void Zero_denominators_give_zero()
    {
        var ratios = ClosingMetrics.Ratios(0, 0m, new ClosingCounts(0, 0, 0, 0m));

        Assert.Equal((0.0, 0m, 0.0), (ratios.ConversionRate, ratios.CostPerDeal, ratios.Roi));
    }
}
