namespace NextLevel.Web.Components.Shared;

/// <summary>What a report covers: a campaign (null: all) and a period; CampaignCount tells whether any campaign exists.</summary>
public sealed record ReportScope(string? CampaignId, Period Period, int CampaignCount);
