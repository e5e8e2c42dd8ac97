using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Closers;

/// <summary>Staff, team campaigns and leads for the routing endpoints, stored through the driver.</summary>
internal static class RoutingApiData
{
    public static CloserProfile AllDay(int cap = 20) => new()
    {
        TimeZone = "UTC", OpenLeadCap = cap,
        Shift = new CloserShift { Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"], Start = "00:00", End = "00:00" },
    };

    public static async Task<ObjectId> AddStaffAsync(this ApiFixture api, string name, string role, CloserProfile? profile = null)
    {
        var account = new CloserAccount { Id = ObjectId.GenerateNewId(), DisplayName = name, Email = $"{name.ToLowerInvariant()}.{ObjectId.GenerateNewId()}@example.test", Roles = [role], Closer = profile };
        await api.Database.GetCollection<CloserAccount>(CloserAccount.CollectionName).InsertOneAsync(account);
        return account.Id;
    }

    public static async Task<Campaign> AddTeamCampaignAsync(this ApiFixture api, IEnumerable<ObjectId> closers, ObjectId? manager = null)
    {
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var campaign = new Campaign
        {
            Name = "Routing " + ObjectId.GenerateNewId(), Type = CampaignType.Wholesale, Status = CampaignStatus.Active,
            AssignedTo = [.. closers.Select(c => new TeamAssignment { UserId = c, Role = TeamRole.Closer })],
            Schedule = new CampaignSchedule { StartDate = now.AddDays(-10) }, CreatedAt = now, UpdatedAt = now,
        };
        if (manager is { } m) campaign.AssignedTo.Add(new TeamAssignment { UserId = m, Role = TeamRole.CampaignManager });
        await api.Database.GetCollection<Campaign>(CollectionNames.Campaigns).InsertOneAsync(campaign);
        return campaign;
    }

    public static async Task<Lead> AddLeadAsync(this ApiFixture api, Campaign? campaign, LeadSource source = LeadSource.Zillow)
    {
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var lead = new Lead
        {
            Source = source, ExternalId = "R-" + ObjectId.GenerateNewId(), ReceivedAt = now,
            Contact = new LeadContact { FirstName = "Jane", LastName = "Doe", Phone = "+1206555" + Random.Shared.Next(1000, 9999) },
            CampaignId = campaign?.Id, CampaignName = campaign?.Name, Status = LeadStatus.Qualified, Stage = LeadStage.Qualified,
            Qualification = new LeadQualification { Score = 0.8, Qualified = true },
            CreatedAt = now, UpdatedAt = now,
        };
        await api.Database.GetCollection<Lead>(CollectionNames.Leads).InsertOneAsync(lead);
        return lead;
    }

    public static async Task<Lead> LeadAsync(this ApiFixture api, ObjectId id) =>
        await api.Database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.Id == id).FirstAsync();
}
