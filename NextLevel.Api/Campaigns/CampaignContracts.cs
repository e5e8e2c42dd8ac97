using MongoDB.Bson;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Reporting;

namespace NextLevel.Api.Campaigns;

/// <summary>The editable parts of a campaign (create and full update). Status and metrics are not set here.</summary>
public sealed record CampaignRequest(
    string? Name, string? Description, CampaignType? Type, CampaignTargeting? Targeting, CampaignWorkflow? Workflow,
    ConversationStrategy? ConversationStrategy, CampaignBudget? Budget, CampaignSchedule? Schedule);

public sealed record CampaignSummary(ObjectId Id, string Name, CampaignType Type, CampaignStatus Status, DateTime StartDate, DateTime? EndDate,
    decimal TotalBudget, decimal Spent, DateTime CreatedAt)
{
    public static CampaignSummary From(Campaign c) =>
        new(c.Id, c.Name, c.Type, c.Status, c.Schedule.StartDate, c.Schedule.EndDate, c.Budget.TotalBudget, c.Budget.Spent, c.CreatedAt);
}

public sealed record TargetingPreview(ObjectId CampaignId, long MatchingLeads, DateTime At);

/// <summary>
/// A campaign's figures computed from its leads, calls and deal_closed events. Cost is what calls cost;
/// rates are fractions of leads received.
/// </summary>
public sealed record CampaignMetricsView(
    ObjectId CampaignId, LeadOutcomes Leads, CallTotals Calls, decimal Revenue, decimal TotalCost, double? ContactRate, double? QualificationRate,
    double? ConversionRate, decimal? CostPerLead, decimal? CostPerDeal, double? Roi, DateTime ComputedAt, ClosingFigures? Closing = null);

/// <summary>
/// The campaign's closing figures counted from its visits, offers and deals (Domain/Reporting/ClosingRecordsQuery) and the
/// ratios that follow (conversion = deals closed / leads received; cost per deal and ROI on the calls' cost).
/// </summary>
public sealed record ClosingFigures(int SiteVisits, int OffersExtended, int DealsClosed, decimal TotalRevenue, double ConversionRate, decimal CostPerDeal, double Roi);
