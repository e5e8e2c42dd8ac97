using NextLevel.Domain.Reporting;

namespace NextLevel.Api;

/// <summary>Rates and unit costs from counts; null where the denominator is zero.</summary>
public sealed record KpiRatios(double? ContactRate, double? QualificationRate, double? ConversionRate, decimal? CostPerLead, decimal? CostPerDeal, double? Roi);

internal static class KpiMath
{
    public static KpiRatios Ratios(LeadOutcomes leads, decimal cost, decimal revenue) => new(
        Rate(leads.Contacted, leads.Received),
        Rate(leads.Qualified, leads.Received),
        Rate(leads.Deals, leads.Received),
        leads.Received == 0 ? null : Math.Round(cost / leads.Received, 2),
        leads.Deals == 0 ? null : Math.Round(cost / leads.Deals, 2),
        cost == 0 ? null : Math.Round((double)((revenue - cost) / cost), 3));

    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
