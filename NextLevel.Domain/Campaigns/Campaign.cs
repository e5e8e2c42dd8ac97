using MongoDB.Bson;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Leads;

namespace NextLevel.Domain.Campaigns;

public enum CampaignType
{
    Wholesale = 1,
    FixFlip = 2,
    Rental = 3,
}

public enum CampaignStatus
{
    Draft = 1,
    Active = 2,
    Paused = 3,
    Completed = 4,
}

public enum TeamRole
{
    CampaignManager = 1,
    Closer = 2,
}

/// <summary>A marketing campaign (collection <c>campaigns</c>): targeting, workflow, budget, schedule and team.</summary>
public sealed class Campaign
{
    public ObjectId Id { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public CampaignType Type { get; set; }

    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;

    public CampaignTargeting Targeting { get; set; } = new();

    public CampaignWorkflow Workflow { get; set; } = new();

    public ConversationStrategy? ConversationStrategy { get; set; }

    public CampaignMetrics Metrics { get; set; } = new();

    public CampaignBudget Budget { get; set; } = new();

    public CampaignSchedule Schedule { get; set; } = new();

    public List<TeamAssignment> AssignedTo { get; set; } = [];

    /// <summary>How leads needing a person are handed to the team's closers (issue 10); null routes with the defaults.</summary>
    public CampaignRouting? Routing { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public ObjectId? CreatedBy { get; set; }

    public ObjectId? UpdatedBy { get; set; }
}

public sealed class CampaignTargeting
{
    public List<LeadSource> LeadSources { get; set; } = [];

    public List<IntentType> Intent { get; set; } = [];

    public TargetQualification Qualification { get; set; } = new();

    public TargetGeography Geography { get; set; } = new();

    public List<string> MotivationFactors { get; set; } = [];
}

public sealed class TargetQualification
{
    public double? MinScore { get; set; }

    public double? MinEquity { get; set; }

    public decimal? MaxPrice { get; set; }

    public List<Properties.PropertyType> PropertyTypes { get; set; } = [];
}

public sealed class TargetGeography
{
    public List<string> States { get; set; } = [];

    public List<string> Cities { get; set; } = [];

    public List<string> ZipCodes { get; set; } = [];
}

public sealed class CampaignWorkflow
{
    public InitialContact InitialContact { get; set; } = new();

    public List<FollowUpStep> FollowUp { get; set; } = [];

    public NurtureSettings Nurture { get; set; } = new();
}

public sealed class InitialContact
{
    public ContactMethod Method { get; set; } = ContactMethod.AutomatedCall;

    /// <summary>From lead receipt: within_5_minutes, within_15_minutes, within_1_hour, same_day, next_business_day.</summary>
    public string Timing { get; set; } = "within_5_minutes";

    public int MaxAttempts { get; set; } = 3;

    /// <summary>Seconds between attempts.</summary>
    public int RetryDelay { get; set; } = 3600;
}

public sealed class FollowUpStep
{
    /// <summary>Seconds after the initial contact.</summary>
    public int Delay { get; set; }

    public ContactMethod Method { get; set; }

    public string Template { get; set; } = "";
}

public sealed class NurtureSettings
{
    public bool Enabled { get; set; }

    /// <summary>daily, weekly, biweekly, monthly.</summary>
    public string Frequency { get; set; } = "weekly";

    /// <summary>Days.</summary>
    public int Duration { get; set; } = 90;

    public List<string> Content { get; set; } = [];
}

public sealed class ConversationStrategy
{
    public string? VoiceId { get; set; }

    public string? OpeningScript { get; set; }

    public List<string> QualificationQuestions { get; set; } = [];

    public Dictionary<string, string> ObjectionHandlers { get; set; } = [];

    public string? CallToAction { get; set; }
}

public sealed class CampaignMetrics
{
    public int LeadsReceived { get; set; }

    public int LeadsContacted { get; set; }

    public int ConversationsCompleted { get; set; }

    public int Qualified { get; set; }

    public int SiteVisits { get; set; }

    public int OffersExtended { get; set; }

    public int DealsClosed { get; set; }

    public double AvgQualificationScore { get; set; }

    public double AvgSentiment { get; set; }

    public double AvgCallDuration { get; set; }

    public double ConversionRate { get; set; }

    public decimal CostPerLead { get; set; }

    public decimal CostPerDeal { get; set; }

    public decimal TotalRevenue { get; set; }

    public decimal TotalCost { get; set; }

    public double Roi { get; set; }
}

public sealed class CampaignBudget
{
    public decimal TotalBudget { get; set; }

    public decimal Spent { get; set; }

    public decimal CostPerCall { get; set; }

    public int MaxCallsPerDay { get; set; }

    public int MaxLeadsPerDay { get; set; }
}

public sealed class CampaignSchedule
{
    public DateTime StartDate { get; set; }

    public DateTime? EndDate { get; set; }

    public CallingHours CallingHours { get; set; } = new();
}

/// <summary>The campaign's own calling window per weekday, in its time zone; null = no calls that day.
/// The compliance gate narrows it further to the law's window in the callee's local time.</summary>
public sealed class CallingHours
{
    /// <summary>IANA time zone, e.g. America/Los_Angeles.</summary>
    public string Timezone { get; set; } = "America/Los_Angeles";

    public DailyWindow? Monday { get; set; }

    public DailyWindow? Tuesday { get; set; }

    public DailyWindow? Wednesday { get; set; }

    public DailyWindow? Thursday { get; set; }

    public DailyWindow? Friday { get; set; }

    public DailyWindow? Saturday { get; set; }

    public DailyWindow? Sunday { get; set; }

    public DailyWindow? For(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        _ => Sunday,
    };
}

/// <summary>"09:00" to "18:00", local time.</summary>
public sealed class DailyWindow
{
    public string Start { get; set; } = "09:00";

    public string End { get; set; } = "18:00";
}

public sealed class TeamAssignment
{
    public ObjectId UserId { get; set; }

    public TeamRole Role { get; set; }
}
