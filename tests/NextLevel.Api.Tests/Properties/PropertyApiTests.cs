using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Tests.Properties;

public class PropertyApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<Property> SaveAsync(Action<Property>? configure = null)
    {
        var property = new Property
        {
            Id = ObjectId.GenerateNewId(),
            Address = new PropertyAddress { Street = "1 Elm St", City = "Tacoma", State = "WA", ZipCode = "98402", Formatted = $"{Guid.NewGuid():N} Elm St, Tacoma, WA 98402" },
            Type = PropertyType.SingleFamily,
            TotalRepairCost = 30_000m,
            Valuation = new PropertyValuation { Zestimate = 250_000m, AfterRepairValue = 300_000m },
            Liens = [new Lien { Type = "mortgage", Amount = 100_000m }],
            Comparables =
            [
                new Comparable { Address = "3 Elm St", SoldPrice = 290_000m, SquareFeet = 1450, SoldDate = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc) },
                new Comparable { Address = "9 Oak St", SoldPrice = 310_000m, SquareFeet = 1550, SoldDate = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc) },
            ],
            CreatedAt = ApiFixture.DefaultNow.UtcDateTime,
        };
        configure?.Invoke(property);
        await api.Database.GetCollection<Property>(CollectionNames.Properties).InsertOneAsync(property);
        return property;
    }

    private Task<Property> LoadAsync(ObjectId id) => api.Database.GetCollection<Property>(CollectionNames.Properties).Find(p => p.Id == id).FirstAsync();

    [Fact]
    public async Task A_property_comes_with_its_70_percent_valuation_equity_and_comparables()
    {
        var property = await SaveAsync();

        var detail = await api.CreateStaffClient("closer").GetFromJsonAsync<JsonElement>($"/api/properties/{property.Id}");

        var valuation = detail.GetProperty("valuation");
        Assert.Equal(180_000m, valuation.GetProperty("wholesalePrice").GetDecimal()); // 0.7 × 300,000 − 30,000
        Assert.Equal(90_000m, valuation.GetProperty("profitMargin").GetDecimal());    // 300,000 − 30,000 − 180,000
        Assert.Equal(150_000m, valuation.GetProperty("equity").GetDecimal());         // 250,000 − 100,000
        Assert.Equal(0.6, valuation.GetProperty("equityFraction").GetDouble());
        Assert.Equal(2, detail.GetProperty("comparables").GetArrayLength());
        Assert.Equal(300_000m, detail.GetProperty("comparablesSummary").GetProperty("medianSoldPrice").GetDecimal());
    }

    [Fact]
    public async Task Setting_arv_and_repairs_recomputes_and_stores_the_valuation()
    {
        var property = await SaveAsync();

        var response = await api.CreateStaffClient("closer").PutAsJsonAsync($"/api/properties/{property.Id}/valuation", new { afterRepairValue = 200_000m, repairCost = 25_000m });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await LoadAsync(property.Id);
        Assert.Equal(115_000m, stored.Valuation!.WholesalePrice);
        Assert.Equal(60_000m, stored.Valuation.ProfitMargin);
        Assert.Equal(25_000m, stored.TotalRepairCost);
        Assert.Equal(250_000m, stored.Valuation.Zestimate);
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, stored.Valuation.UpdatedAt);
    }

    [Fact]
    public async Task A_property_without_a_valuation_gets_one()
    {
        var property = await SaveAsync(p => p.Valuation = null);

        var response = await api.CreateStaffClient("ops").PutAsJsonAsync($"/api/properties/{property.Id}/valuation", new { afterRepairValue = 100_000m, repairCost = 80_000m });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0m, (await LoadAsync(property.Id)).Valuation!.WholesalePrice);
    }

    [Theory]
    [InlineData("""{"afterRepairValue":-1,"repairCost":0}""", "afterRepairValue")]
    [InlineData("""{"afterRepairValue":100000}""", "repairCost")]
    [InlineData("""{"afterRepairValue":{"$gt":0},"repairCost":0}""", "afterRepairValue")]
    [InlineData("""{"afterRepairValue":"lots","repairCost":0}""", "afterRepairValue")]
    [InlineData("""{"afterRepairValue":1e300,"repairCost":0}""", "afterRepairValue")]
    public async Task Bad_valuations_are_400_and_change_nothing(string body, string field)
    {
        var property = await SaveAsync();

        var response = await api.CreateStaffClient("closer").PutAsync($"/api/properties/{property.Id}/valuation", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Null((await LoadAsync(property.Id)).Valuation!.WholesalePrice);
    }

    [Fact]
    public async Task Unknown_properties_are_404_and_anonymous_callers_401()
    {
        var property = await SaveAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateStaffClient("closer").GetAsync($"/api/properties/{ObjectId.GenerateNewId()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateStaffClient("closer").PutAsJsonAsync($"/api/properties/{ObjectId.GenerateNewId()}/valuation", new { afterRepairValue = 1, repairCost = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync($"/api/properties/{property.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateStaffClient("guest").PutAsJsonAsync($"/api/properties/{property.Id}/valuation", new { afterRepairValue = 1, repairCost = 0 })).StatusCode);
    }
}
