using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Tests.Closers;

/// <summary>A campaign with a team of closers (always on shift unless told), a manager, and leads, stored through the driver.</summary>
internal sealed class RoutingTestData(IMongoDatabase database, FakeTimeProvider clock)
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    public IMongoDatabase Database => database;

    public FakeTimeProvider Clock => clock;

    public IMongoCollection<Lead> Leads => database.GetCollection<Lead>(CollectionNames.Leads);

    public IMongoCollection<Campaign> Campaigns => database.GetCollection<Campaign>(CollectionNames.Campaigns);

    public IMongoCollection<CloserAccount> Accounts => database.GetCollection<CloserAccount>(CloserAccount.CollectionName);

    public LeadRouter Router { get; } = new(database, new RoutingTeams(database), clock);

    public static CloserProfile AllDay(int cap = 20, int weight = 1) => new()
    {
        TimeZone = "UTC", OpenLeadCap = cap, Weight = weight,
        Shift = new CloserShift { Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"], Start = "00:00", End = "00:00" },
    };

    public async Task<ObjectId> AddUserAsync(string name, string role, CloserProfile? profile = null)
    {
        var account = new CloserAccount { Id = ObjectId.GenerateNewId(), DisplayName = name, Email = name.ToLowerInvariant() + "@example.test", Roles = [role], Closer = profile };
        await Accounts.InsertOneAsync(account);
        return account.Id;
    }

    public async Task<Campaign> AddCampaignAsync(IEnumerable<ObjectId> closers, ObjectId? manager = null, CampaignRouting? rules = null)
    {
        var campaign = new Campaign
        {
            Id = ObjectId.GenerateNewId(), Name = "Test campaign", Type = CampaignType.Wholesale, Status = CampaignStatus.Active, Routing = rules,
            AssignedTo = [.. closers.Select(c => new TeamAssignment { UserId = c, Role = TeamRole.Closer })],
            CreatedAt = clock.GetUtcNow().UtcDateTime, UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (manager is { } m) campaign.AssignedTo.Add(new TeamAssignment { UserId = m, Role = TeamRole.CampaignManager });
        await Campaigns.InsertOneAsync(campaign);
        return campaign;
    }

    public async Task<Lead> AddLeadAsync(Campaign? campaign, LeadSource source = LeadSource.Zillow)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lead = new Lead
        {
            Id = ObjectId.GenerateNewId(), Source = source, ExternalId = Guid.NewGuid().ToString("N"), ReceivedAt = now,
            Contact = new LeadContact { FirstName = "Pat", LastName = "Seller", Phone = "+15555550100" },
            CampaignId = campaign?.Id, CampaignName = campaign?.Name, Status = LeadStatus.Qualified, Stage = LeadStage.Qualified,
            CreatedAt = now, UpdatedAt = now,
        };
        await Leads.InsertOneAsync(lead);
        return lead;
    }

    public async Task<LeadRouting> RoutingOfAsync(ObjectId leadId) =>
        (await Leads.Find(l => l.Id == leadId).FirstAsync()).Routing ?? throw new InvalidOperationException("no routing");
}
