using System.Text.Json;

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
    public string Method { get; set; } = "automated_call";
    public string Timing { get; set; } = "within_5_minutes";
    public int MaxAttempts { get; set; } = 3;
    public int RetryDelay { get; set; } = 3600;
}

public sealed class FollowUpStep
{
    public int Delay { get; set; } = 86400;
    public string Method { get; set; } = "email";
    public string Template { get; set; } = "";
}

public sealed class CampaignWorkflow
{
    public InitialContactStep InitialContact { get; set; } = new();
    public List<FollowUpStep> FollowUp { get; set; } = [];

    /// <summary>Kept as the Api sent it, so saving the form never drops it.</summary>
    public JsonElement? Nurture { get; set; }
}

/// <summary>What the AI voice says: the opening script must name the business and offer an opt-out (the Api checks).</summary>
public sealed class ConversationStrategy
{
    public string? VoiceId { get; set; }
    public string? OpeningScript { get; set; }
    public List<string> QualificationQuestions { get; set; } = [];
    public Dictionary<string, string> ObjectionHandlers { get; set; } = [];
    public string? CallToAction { get; set; }
}

/// <summary>Calling hours of one weekday, local to the schedule's IANA time zone.</summary>
public sealed class DailyWindow
{
    public string Start { get; set; } = "09:00";
    public string End { get; set; } = "18:00";
}

public sealed class CallingHours
{
    public static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public string Timezone { get; set; } = "America/New_York";
    public DailyWindow? Monday { get; set; }
    public DailyWindow? Tuesday { get; set; }
    public DailyWindow? Wednesday { get; set; }
    public DailyWindow? Thursday { get; set; }
    public DailyWindow? Friday { get; set; }
    public DailyWindow? Saturday { get; set; }
    public DailyWindow? Sunday { get; set; }

    public DailyWindow? this[string day]
    {
        get => day switch
        {
            "monday" => Monday, "tuesday" => Tuesday, "wednesday" => Wednesday, "thursday" => Thursday,
            "friday" => Friday, "saturday" => Saturday, "sunday" => Sunday, _ => null,
        };
        set
        {
            switch (day)
            {
                case "monday": Monday = value; break;
                case "tuesday": Tuesday = value; break;
                case "wednesday": Wednesday = value; break;
                case "thursday": Thursday = value; break;
                case "friday": Friday = value; break;
                case "saturday": Saturday = value; break;
                case "sunday": Sunday = value; break;
            }
        }
    }
}

public sealed class CampaignSchedule
{
    public DateTimeOffset StartDate { get; set; }
    public DateTimeOffset? EndDate { get; set; }
    public CallingHours CallingHours { get; set; } = new();
}

public sealed class CampaignBudget
{
    public double TotalBudget { get; set; }
    public double Spent { get; set; }
    public double CostPerCall { get; set; }
    public int MaxCallsPerDay { get; set; }
    public int MaxLeadsPerDay { get; set; }
}

/// <summary>A campaign as the Api returns it (GET /api/campaigns/{id}) and as the edit form changes it.</summary>
public sealed class Campaign
{
    public string? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Type { get; set; } = "wholesale";
    public string Status { get; set; } = "draft";
    public CampaignTargeting Targeting { get; set; } = new();
    public CampaignWorkflow Workflow { get; set; } = new();

    public ConversationStrategy ConversationStrategy { get; set; } = new();
    public CampaignSchedule Schedule { get; set; } = new();
    public CampaignBudget Budget { get; set; } = new();
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>One row of GET /api/campaigns.</summary>
public sealed record CampaignSummary(string Id, string Name, string? Type, string? Status, DateTimeOffset StartDate, DateTimeOffset? EndDate,
    double TotalBudget, double Spent, DateTimeOffset CreatedAt);

public sealed record TargetingPreview(string? CampaignId, long MatchingLeads, DateTimeOffset At);

public sealed record LeadOutcomes(int Received, int Contacted, int Qualified, int SiteVisits, int Offers, int Deals, double? AvgScore);

public sealed record CallTotals(int Calls, int Answered, int Completed, double? AvgDuration, double? AvgSentiment, double TotalCost);

public sealed record CampaignMetrics(
    string? CampaignId, LeadOutcomes Leads, CallTotals Calls, double Revenue, double TotalCost, double? ContactRate, double? QualificationRate,
    double? ConversionRate, double? CostPerLead, double? CostPerDeal, double? Roi, ClosingFigures? Closing = null);

/// <summary>A campaign's closing figures, counted by the Api from its visits, offers and deals.</summary>
public sealed record ClosingFigures(int SiteVisits, int OffersExtended, int DealsClosed, double TotalRevenue, double ConversionRate, double CostPerDeal, double Roi);
