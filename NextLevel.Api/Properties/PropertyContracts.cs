using NextLevel.Domain.Properties;
using NextLevel.Domain.Valuation;

namespace NextLevel.Api.Properties;

/// <summary>The valuation as the 70% rule computes it, with the owner's equity.</summary>
/// <param name="WholesalePrice">70% of ARV minus repairs (WholesaleValuation); null without an ARV.</param>
public sealed record ValuationView(decimal? AfterRepairValue, decimal RepairCost, decimal? WholesalePrice, decimal? ProfitMargin,
    decimal? CurrentValue, decimal? Equity, double? EquityFraction, DateTime? UpdatedAt);

public sealed record PropertyDetail(Property Property, ValuationView Valuation, IReadOnlyList<Comparable> Comparables, ComparablesSummary? ComparablesSummary);

/// <summary>Sold comparables at a glance: count, median sold price and median price per square foot.</summary>
public sealed record ComparablesSummary(int Count, decimal MedianSoldPrice, decimal? MedianPricePerSqFt);

/// <summary>New ARV and repair cost; the wholesale price and margin follow from them.</summary>
public sealed record ValuationUpdate(decimal? AfterRepairValue, decimal? RepairCost);

internal static class PropertyViews
{
    public static ValuationView Valuation(Property p)
    {
        var equity = PropertyEquity.Estimate(p);
        WholesaleOffer? offer = p.Valuation?.AfterRepairValue is { } arv && arv >= 0 && p.TotalRepairCost >= 0
            ? WholesaleValuation.Calculate(arv, p.TotalRepairCost)
            : null;
        return new ValuationView(p.Valuation?.AfterRepairValue, p.TotalRepairCost, offer?.WholesalePrice, offer?.ProfitMargin,
            equity?.CurrentValue, equity?.Equity, equity?.Fraction, p.Valuation?.UpdatedAt);
    }

    public static ComparablesSummary? Summarise(IReadOnlyList<Comparable> comparables)
    {
        if (comparables.Count == 0) return null;
        var perSqFt = comparables.Select(c => c.PricePerSqFt ?? (c.SquareFeet is > 0 ? Math.Round(c.SoldPrice / c.SquareFeet.Value, 2) : (decimal?)null))
            .OfType<decimal>().ToList();
        return new ComparablesSummary(comparables.Count, Median([.. comparables.Select(c => c.SoldPrice)]), perSqFt.Count == 0 ? null : Median(perSqFt));
    }

    private static decimal Median(List<decimal> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
