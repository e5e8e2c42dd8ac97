using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Identity;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Api.Tests.Leads;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Tests.Closers;

/// <summary>Staff users, properties and leads for the closers' API tests.</summary>
internal static class ClosersData
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static async Task<string> CloserAsync(ApiFixture api, string timeZone = "America/Los_Angeles")
    {
        var store = api.Services.GetRequiredService<StaffUserStore>();
        var user = await store.CreateAsync($"closer-{Guid.NewGuid():N}@example.com", "Casey Closer", [StaffRoles.Closer], "a long enough password 123", timeZone, default);
        return user!.Id.ToString();
    }

    public static HttpClient Client(ApiFixture api, string userId, string role = "closer") => api.CreateStaffClient(role, userId);

    public static async Task<Property> PropertyAsync(ApiFixture api, decimal? arv = 300_000m, decimal repairs = 40_000m)
    {
        var property = new Property
        {
            Id = ObjectId.GenerateNewId(),
            Address = new PropertyAddress { Street = "12 Pine St", City = "Seattle", State = "WA", ZipCode = "98101", Formatted = $"{Random.Shared.Next(1, 99999)} Pine St {Guid.NewGuid():N}, Seattle, WA 98101" },
            TotalRepairCost = repairs,
            Valuation = arv is null ? null : new PropertyValuation { AfterRepairValue = arv },
            CreatedAt = ApiFixture.DefaultNow.UtcDateTime,
            UpdatedAt = ApiFixture.DefaultNow.UtcDateTime,
        };
        await api.Database.GetCollection<Property>(CollectionNames.Properties).InsertOneAsync(property);
        return property;
    }

    public static async Task<Campaign> CampaignAsync(ApiFixture api)
    {
        var campaign = new Campaign { Id = ObjectId.GenerateNewId(), Name = "Closers " + Guid.NewGuid().ToString("N")[..6], Type = CampaignType.Wholesale, Status = CampaignStatus.Active, CreatedAt = ApiFixture.DefaultNow.UtcDateTime, UpdatedAt = ApiFixture.DefaultNow.UtcDateTime };
        await api.Database.GetCollection<Campaign>(CollectionNames.Campaigns).InsertOneAsync(campaign);
        return campaign;
    }

    public static async Task<Lead> LeadAsync(ApiFixture api, Property? property = null, ObjectId? campaignId = null, LeadStatus status = LeadStatus.Qualified, LeadStage stage = LeadStage.Qualified)
    {
        var builder = TestLeads.At(ApiFixture.DefaultNow.UtcDateTime.AddDays(-2)).In(status, stage);
        if (property is not null) builder = builder.Property(property.Id);
        if (campaignId is { } c) builder = builder.Campaign(c);
        var lead = await builder.SaveAsync(api.Database);
        if (property is not null)
            await api.Database.GetCollection<Property>(CollectionNames.Properties).UpdateOneAsync(p => p.Id == property.Id, Builders<Property>.Update.AddToSet(p => p.LeadIds, lead.Id));
        return lead;
    }

    public static Task<Lead> ReloadAsync(ApiFixture api, ObjectId leadId) => TestLeads.LoadAsync(api.Database, leadId);

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
