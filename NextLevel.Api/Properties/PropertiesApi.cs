using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Extensions;
using NextLevel.Api.Identity;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;
using NextLevel.Domain.Valuation;

namespace NextLevel.Api.Properties;

/// <summary>Properties with their valuation (the 70% rule, in NextLevel.Domain) and comparables.</summary>
public static class PropertiesApi
{
    /// <summary>Largest ARV or repair cost accepted: far above any single-family deal, well inside Decimal128.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public static void AddProperties(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    public static RouteGroupBuilder MapPropertiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/properties").WithTags("Properties").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/{id}", GetPropertyAsync).WithName("GetProperty").WithSummary("A property with its valuation (70% rule, equity) and comparables.");
        group.MapPut("/{id}/valuation", UpdateValuationAsync).WithName("UpdatePropertyValuation")
            .WithSummary("Set ARV and repair cost; the wholesale price and profit margin are recomputed.").Accepts<ValuationUpdate>("application/json");
        return group;
    }

    public static async Task<Results<Ok<PropertyDetail>, NotFound>> GetPropertyAsync(string id, IMongoDatabase database, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var propertyId)) return TypedResults.NotFound();
        var property = await database.GetCollection<Property>(CollectionNames.Properties).Find(p => p.Id == propertyId).FirstOrDefaultAsync(cancellationToken);
        return property is null ? TypedResults.NotFound() : TypedResults.Ok(Detail(property));
    }

    public static async Task<Results<Ok<PropertyDetail>, NotFound, ValidationProblem>> UpdateValuationAsync(
        string id, HttpRequest request, IMongoDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var propertyId)) return TypedResults.NotFound();
        var (body, bodyErrors) = await JsonBody.ReadAsync<ValuationUpdate>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);

        var errors = new Dictionary<string, string[]>();
        if (body!.AfterRepairValue is not { } arv || arv < 0 || arv > MaxAmount) errors["afterRepairValue"] = [$"After-repair value is required, 0 to {MaxAmount:0}."];
        if (body.RepairCost is not { } repairs || repairs < 0 || repairs > MaxAmount) errors["repairCost"] = [$"Repair cost is required, 0 to {MaxAmount:0}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var offer = WholesaleValuation.Calculate(body.AfterRepairValue!.Value, body.RepairCost!.Value);
        var now = clock.GetUtcNow().UtcDateTime;
        var properties = database.GetCollection<Property>(CollectionNames.Properties);
        var current = await properties.Find(p => p.Id == propertyId).FirstOrDefaultAsync(cancellationToken);
        if (current is null) return TypedResults.NotFound();
        var valuation = current.Valuation ?? new PropertyValuation();
        valuation.AfterRepairValue = offer.AfterRepairValue;
        valuation.WholesalePrice = offer.WholesalePrice;
        valuation.ProfitMargin = offer.ProfitMargin;
        valuation.UpdatedAt = now;
        // The whole valuation object is set (a stored null valuation cannot take dotted fields).
        var updated = await properties.FindOneAndUpdateAsync<Property>(p => p.Id == propertyId,
            Builders<Property>.Update.Set(p => p.TotalRepairCost, offer.RepairCost).Set(p => p.Valuation, valuation).Set(p => p.UpdatedAt, now),
            new FindOneAndUpdateOptions<Property> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        return updated is null ? TypedResults.NotFound() : TypedResults.Ok(Detail(updated));
    }

    private static PropertyDetail Detail(Property property) =>
        new(property, PropertyViews.Valuation(property), property.Comparables, PropertyViews.Summarise(property.Comparables));
}
