namespace NextLevel.Web.ApiClient.Models;

public sealed class CampaignQualificationTarget
{
    public double? MinScore { get; set; }
    public double? MinEquity { get; set; }
    public double? MaxPrice { get; set; }
    public List<string> PropertyTypes { get; set; } = [];
}

public sealed class CampaignGeography
{
    public List<string> States { get; set; } = [];
    public List<string> Cities { get; set; } = [];
    public List<string> ZipCodes { get; set; } = [];
}

public sealed class CampaignTargeting
{
    public List<string> LeadSources { get; set; } = [];
    public List<string> Intent { get; set; } = [];
    public CampaignQualificationTarget Qualification { get; set; } = new();
    public CampaignGeography Geography { get; set; } = new();
    public List<string> MotivationFactors { get; set; } = [];
}

public sealed class InitialContactStep
{
    public string? Method { get; set; } = "automated_call";
    public string? Timing { get; set; } = "within_5_minutes";
    public int? MaxAttempts { get; set; } = 3;
    public int? RetryDelay { get; set; } = 3600;
}

public sealed class FollowUpStep
{
    public int Delay { get; set; } = 86400;
    public string? Method { get; set; } = "email";
    public string? Template { get; set; }
}

public sealed class CampaignWorkflow
{
    public InitialContactStep InitialContact { get; set; } = new();
    public List<FollowUpStep> FollowUp { get; set; } = [];
}

/// <summary>Calling hours for one weekday ("monday"…), local to the schedule's IANA time zone.</summary>
public sealed class DayHours
{
    public string Day { get; set; } = "monday";
    public string Start { get; set; } = "09:00";
    public string End { get; set; } = "18:00";
}

public sealed class CampaignSchedule
{
    public string TimeZone { get; set; } = "America/New_York";
    public DateTimeOffset? StartDate { get; set; }
    public DateTimeOffset? EndDate { get; set; }
    public List<DayHours> Hours { get; set; } = [];
}

public sealed class CampaignBudget
{
    public double? Total { get; set; }
    public double? Daily { get; set; }
    public double? Spent { get; set; }
    public double? CostPerLead { get; set; }
}

/// <summary>A campaign as the Api returns it and as the edit form changes it.</summary>
public sealed class Campaign
{
    public string? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Type { get; set; } = "wholesale";
    public string Status { get; set; } = "draft";
    public CampaignTargeting Targeting { get; set; } = new();
    public CampaignWorkflow Workflow { get; set; } = new();
    public CampaignSchedule Schedule { get; set; } = new();
    public CampaignBudget Budget { get; set; } = new();
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

public sealed record CampaignPage(IReadOnlyList<Campaign> Items, string? NextCursor, long? Total);

public sealed record TargetingPreview(long Count);

public sealed record CampaignMetrics(
    long? LeadsAssigned, long? LeadsContacted, long? LeadsQualified, long? Deals, long? Calls, double? TotalCost, double? CostPerLead);
