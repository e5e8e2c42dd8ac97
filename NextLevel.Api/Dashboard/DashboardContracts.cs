using MongoDB.Bson;
using NextLevel.Domain.Reporting;

namespace NextLevel.Api.Dashboard;

public sealed record CampaignPerformanceView(ObjectId CampaignId, DateTime From, DateTime To, IReadOnlyList<OutcomePerformance> Outcomes);

public sealed record FunnelView(DateTime From, DateTime To, IReadOnlyList<FunnelStep> Steps);

/// <summary>One period's figures. Lead figures are for leads received in the period; cost is what calls in the period
/// cost; revenue is the deal_closed events in the period.</summary>
public sealed record KpiPeriod(
    DateTime From, DateTime To, int LeadsReceived, SpeedToLead SpeedToLead, double? ContactRate, int Qualified, int SiteVisits, int Offers, int Deals,
    decimal Cost, decimal Revenue, decimal? CostPerLead, decimal? CostPerDeal, double? Roi);

/// <summary>The requested period and the one of equal length just before it, for trends.</summary>
public sealed record KpiView(KpiPeriod Current, KpiPeriod? Previous);
