namespace NextLevel.Domain.Reporting;

/// <summary>
/// A campaign's closing figures, counted from the stored records (<see cref="ClosingRecordsQuery"/>), and the ratios
/// that follow from them. Nothing here is typed in by hand.
/// </summary>
/// <param name="SiteVisits">Site visits of the campaign's leads that are scheduled or completed.</param>
/// <param name="OffersExtended">Offers made for the campaign's leads that were sent (whatever became of them).</param>
/// <param name="DealsClosed">Deals of the campaign with status closed.</param>
/// <param name="TotalRevenue">The revenue of those closed deals.</param>
public sealed record ClosingCounts(int SiteVisits, int OffersExtended, int DealsClosed, decimal TotalRevenue);

/// <param name="ConversionRate">Deals closed / leads received (0 without leads), 4 decimals.</param>
/// <param name="CostPerDeal">Total cost / deals closed (0 without deals), cents.</param>
/// <param name="Roi">(Revenue − cost) / cost (0 without cost), 2 decimals.</param>
public sealed record ClosingRatios(double ConversionRate, decimal CostPerDeal, double Roi);

public static class ClosingMetrics
{
    public static ClosingRatios Ratios(int leadsReceived, decimal totalCost, ClosingCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new ClosingRatios(
            leadsReceived <= 0 ? 0 : Math.Round((double)counts.DealsClosed / leadsReceived, 4),
            counts.DealsClosed == 0 ? 0 : Math.Round(totalCost / counts.DealsClosed, 2),
            totalCost <= 0 ? 0 : Math.Round((double)((counts.TotalRevenue - totalCost) / totalCost), 2));
    }
}
