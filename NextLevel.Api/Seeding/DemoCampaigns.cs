using MongoDB.Bson;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Seeding;

/// <summary>The demo campaigns: one per region, with the seed's workflow, budget and calling hours.</summary>
internal static class DemoCampaigns
{
    public static IReadOnlyList<Campaign> Create(DateTime now, Func<ObjectId> newId)
    {
        var quarterStart = new DateTime(now.Year, (now.Month - 1) / 3 * 3 + 1, 1, 0, 0, 0, DateTimeKind.Utc);
        (string Name, string[] States, string[] Cities, string TimeZone, CampaignStatus Status, CampaignType Type)[] plans =
        [
            ("Wholesale - Motivated Sellers Pacific Northwest", ["WA", "OR"], ["Seattle", "Tacoma", "Portland"], "America/Los_Angeles", CampaignStatus.Active, CampaignType.Wholesale),
            ("Wholesale - Texas Distressed Properties", ["TX"], ["Dallas", "Houston"], "America/Chicago", CampaignStatus.Active, CampaignType.Wholesale),
            ("Fix & Flip - Florida Gulf Coast", ["FL"], ["Tampa", "Orlando"], "America/New_York", CampaignStatus.Active, CampaignType.FixFlip),
            ("Wholesale - Southeast & Midwest", ["GA", "OH"], ["Atlanta", "Columbus"], "America/New_York", CampaignStatus.Active, CampaignType.Wholesale),
            ("Rental - Phoenix Cash Flow", ["AZ"], ["Phoenix"], "America/Phoenix", CampaignStatus.Paused, CampaignType.Rental),
            ("Wholesale - Motivated Sellers Last Quarter", ["WA", "OR", "TX", "FL"], [], "America/Los_Angeles", CampaignStatus.Completed, CampaignType.Wholesale),
        ];

        return [.. plans.Select(plan => new Campaign
        {
            Id = newId(),
            Name = plan.Name,
            Description = "Target motivated sellers with quick close potential",
            Type = plan.Type,
            Status = plan.Status,
            Targeting = new CampaignTargeting
            {
                LeadSources = [LeadSource.Zillow, LeadSource.GoogleAds, LeadSource.RealGeeks],
                Intent = [IntentType.Seller],
                Qualification = new TargetQualification { MinScore = 0.7, MinEquity = 0.20, MaxPrice = 500_000m, PropertyTypes = [PropertyType.SingleFamily, PropertyType.Condo, PropertyType.Townhouse] },
                Geography = new TargetGeography { States = [.. plan.States], Cities = [.. plan.Cities] },
                MotivationFactors = ["relocation", "financial_hardship", "inherited", "probate"],
            },
            Workflow = new CampaignWorkflow
            {
                InitialContact = new InitialContact { Method = ContactMethod.AutomatedCall, Timing = "within_5_minutes", MaxAttempts = 3, RetryDelay = 3600 },
                FollowUp =
                [
                    new FollowUpStep { Delay = 86400, Method = ContactMethod.Email, Template = "follow_up_day_1" },
                    new FollowUpStep { Delay = 259200, Method = ContactMethod.Sms, Template = "follow_up_day_3" },
                    new FollowUpStep { Delay = 604800, Method = ContactMethod.AutomatedCall, Template = "follow_up_call_week_1" },
                ],
                Nurture = new NurtureSettings { Enabled = true, Frequency = "weekly", Duration = 90, Content = ["market_updates", "success_stories", "tips"] },
            },
            ConversationStrategy = new ConversationStrategy
            {
                VoiceId = "voice_abc123",
                OpeningScript = "Hi {firstName}, this is calling from Next Level Real Estate...",
                QualificationQuestions = ["What's your timeline for selling?", "What condition is the property in?", "Are there any repairs needed?", "What are you hoping to get for the property?"],
                ObjectionHandlers = new() { ["not_interested"] = "I understand. Just so you know...", ["need_time"] = "Of course. When would be a better time?", ["already_listed"] = "That's great! How's that going?" },
                CallToAction = "Would you be open to a quick site visit this week?",
            },
            Budget = new CampaignBudget { TotalBudget = 10_000m, CostPerCall = 0.50m, MaxCallsPerDay = 500, MaxLeadsPerDay = 1000 },
            Schedule = new CampaignSchedule
            {
                StartDate = quarterStart.AddMonths(-3),
                EndDate = plan.Status == CampaignStatus.Completed ? quarterStart.AddSeconds(-1) : quarterStart.AddMonths(6).AddSeconds(-1),
                CallingHours = Weekdays(plan.TimeZone),
            },
            AssignedTo = [new TeamAssignment { UserId = newId(), Role = TeamRole.CampaignManager }, new TeamAssignment { UserId = newId(), Role = TeamRole.Closer }, new TeamAssignment { UserId = newId(), Role = TeamRole.Closer }],
            CreatedAt = quarterStart.AddMonths(-3).AddDays(-6),
            UpdatedAt = now,
        })];
    }

    private static CallingHours Weekdays(string timeZone)
    {
        DailyWindow Window(string start, string end) => new() { Start = start, End = end };
        return new CallingHours
        {
            Timezone = timeZone,
            Monday = Window("09:00", "18:00"),
            Tuesday = Window("09:00", "18:00"),
            Wednesday = Window("09:00", "18:00"),
            Thursday = Window("09:00", "18:00"),
            Friday = Window("09:00", "18:00"),
            Saturday = Window("10:00", "14:00"),
            Sunday = null,
        };
    }
}
