using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Worker.Tests.Infrastructure;

/// <summary>Campaigns, leads and consent as intake and compliance create them.</summary>
public static class TestData
{
    public const string ConsentText = "I agree to receive calls and texts from Next Level Real Estate about my property inquiry at the number I gave.";

    /// <summary>The seed's campaign: call within 5 minutes, 3 attempts an hour apart, e-mail day 1, SMS day 3, call week 1, weekly nurture for 90 days.</summary>
    public static Campaign SeedCampaign(string timezone = "America/Los_Angeles") => new()
    {
        Id = ObjectId.GenerateNewId(),
        Name = "Wholesale - Motivated Sellers",
        Type = CampaignType.Wholesale,
        Status = CampaignStatus.Active,
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
        Budget = new CampaignBudget { TotalBudget = 10000, Spent = 0, CostPerCall = 0.5m, MaxCallsPerDay = 0, MaxLeadsPerDay = 0 },
        Schedule = new CampaignSchedule
        {
            StartDate = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            CallingHours = SeedHours(timezone),
        },
        CreatedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    public static CallingHours SeedHours(string timezone) => new()
    {
        Timezone = timezone,
        Monday = new DailyWindow { Start = "09:00", End = "18:00" },
        Tuesday = new DailyWindow { Start = "09:00", End = "18:00" },
        Wednesday = new DailyWindow { Start = "09:00", End = "18:00" },
        Thursday = new DailyWindow { Start = "09:00", End = "18:00" },
        Friday = new DailyWindow { Start = "09:00", End = "18:00" },
        Saturday = new DailyWindow { Start = "10:00", End = "14:00" },
        Sunday = null,
    };

    /// <summary>A new lead of the campaign with written consent on record, due at <paramref name="dueAt"/> (as intake schedules it).</summary>
    public static Lead Lead(Campaign campaign, DateTimeOffset receivedAt, DateTimeOffset dueAt, string phone = "+12065550100", string? email = "owner@example.com") => new()
    {
        Id = ObjectId.GenerateNewId(),
        Source = LeadSource.GoogleAds,
        ExternalId = "T-" + ObjectId.GenerateNewId(),
        ReceivedAt = receivedAt.UtcDateTime,
        Contact = new LeadContact { FirstName = "Pat", Phone = phone, Email = email, Address = new PostalAddress { State = "WA", ZipCode = "98101" } },
        PropertyAddress = "123 Main St, Seattle, WA 98101",
        CampaignId = campaign.Id,
        CampaignName = campaign.Name,
        NextFollowUp = dueAt.UtcDateTime,
        Consent = new LeadConsent { HasWrittenConsent = true, ConsentMethod = ConsentMethod.WebForm, ConsentDate = receivedAt.UtcDateTime, ConsentText = ConsentText, AutomatedCallsAllowed = true, TextMessagesAllowed = true },
        Status = LeadStatus.New,
        CreatedAt = receivedAt.UtcDateTime,
        UpdatedAt = receivedAt.UtcDateTime,
    };

    public static async Task InsertAsync(IMongoDatabase database, Campaign campaign, IEnumerable<Lead> leads, bool withConsent = true)
    {
        await database.GetCollection<Campaign>(CollectionNames.Campaigns).InsertOneAsync(campaign);
        var list = leads.ToList();
        if (list.Count == 0) return;
        await database.GetCollection<Lead>(CollectionNames.Leads).InsertManyAsync(list);
        if (!withConsent) return;
        var ledger = new ConsentLedger(database);
        foreach (var lead in list) await ledger.AppendAsync(Grant(lead));
    }

    public static ConsentLog Grant(Lead lead) => new()
    {
        LeadId = lead.Id,
        Phone = lead.Contact.Phone,
        Email = lead.Contact.Email,
        EventType = ConsentEventType.ConsentGranted,
        ConsentDetails = new ConsentDetails { Method = ConsentMethod.WebForm, Source = "google_ads_lead_form", ConsentText = ConsentText, AutomatedCallsAllowed = true, TextMessagesAllowed = true },
        Timestamp = lead.ReceivedAt,
        Verified = true,
    };

    /// <summary>Records a national DNC import at <paramref name="at"/> (without one the gate blocks every call).</summary>
    public static Task RecordNationalImportAsync(IMongoDatabase database, DateTimeOffset at) =>
        new SystemConfigStore(database, TimeProvider.System).SetAsync(ComplianceSettings.DncImports,
            new DncImportsSetting(new DncListImport(at.UtcDateTime, 1000, 0, "test"), []), 0, "test");

    public static Task<Lead> ReadLeadAsync(IMongoDatabase database, ObjectId id) =>
        database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.Id == id).FirstAsync();
}
