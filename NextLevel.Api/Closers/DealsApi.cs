using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Extensions;
using NextLevel.Api.Identity;
using NextLevel.Domain.Closers.Deals;
using NextLevel.Domain.Closers.Offers;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;
using NextLevel.Domain.Reporting;

namespace NextLevel.Api.Closers;

/// <summary>
/// Deals (properties.deal): made from an accepted offer, changed until closed or cancelled. Closing moves the lead to
/// stage closed / status converted and books the revenue as a deal_closed analytics event (what the dashboard sums).
/// </summary>
public static class DealsApi
{
    public static RouteGroupBuilder MapDealsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Closers: offers and deals").RequireAuthorization(StaffPolicies.Staff);
        group.MapPost("/offers/{id}/deal", CreateAsync).WithName("CreateDeal").Accepts<NewDealRequest>("application/json")
            .WithSummary("The deal from an accepted offer (409 when the offer is not accepted or the property has a deal).");
        group.MapPatch("/deals/{id}", ChangeAsync).WithName("ChangeDeal").Accepts<DealChangeRequest>("application/json")
            .WithSummary("Record the closing (date, revenue) or cancel; closing moves the lead to closed/converted.");
        group.MapGet("/deals", ListAsync).WithName("ListDeals").WithSummary("Deals by campaign and status, newest contract first (at most 1000).");
        return group;
    }

    public static async Task<Results<Created<DealView>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string id, HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var offerId)) return TypedResults.NotFound();
        var (body, bodyErrors) = await JsonBody.ReadAsync<NewDealRequest>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
        var errors = new Dictionary<string, string[]>();
        if (body!.ContractDate is null) errors["contractDate"] = ["The contract date is required."];
        if (body.ExitStrategy is null) errors["exitStrategy"] = ["The exit strategy is required: assignment or resale."];
        if (body.ExpectedClosingDate is null) errors["expectedClosingDate"] = ["The expected closing date is required."];
        else if (body.ContractDate is { } c && body.ExpectedClosingDate < c) errors["expectedClosingDate"] = ["Closing cannot be expected before the contract date."];
        if (body.AssignmentFee is < 0 or > 100_000_000) errors["assignmentFee"] = ["The assignment fee is a non-negative amount in dollars."];
        if (body.EndBuyer is { Length: > 200 }) errors["endBuyer"] = ["The end buyer is at most 200 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var property = await services.Properties.Find(Builders<Property>.Filter.ElemMatch(p => p.Offers, o => o.Id == offerId)).FirstOrDefaultAsync(cancellationToken);
        var offer = property?.Offers.FirstOrDefault(o => o.Id == offerId);
        if (property is null || offer is null) return TypedResults.NotFound();
        if (DealRules.CanCreate(offer, property.Deal) is { } reason)
            return TypedResults.Problem(title: "No deal from this offer", detail: reason, statusCode: StatusCodes.Status409Conflict);

        var now = services.Now;
        var userId = StaffClaims.UserId(user) ?? "staff";
        var deal = new Deal
        {
            Id = ObjectId.GenerateNewId(), OfferId = offerId, LeadId = offer.LeadId, CampaignId = offer.CampaignId, ContractDate = body.ContractDate!.Value.UtcDateTime,
            ExitStrategy = body.ExitStrategy!.Value, AssignmentFee = body.AssignmentFee, EndBuyer = body.EndBuyer?.Trim(),
            ExpectedClosingDate = body.ExpectedClosingDate!.Value.UtcDateTime, Status = DealStatus.UnderContract, CreatedAt = now, CreatedBy = userId, UpdatedAt = now,
        };
        // Only while the offer is accepted and the property has no live deal: two concurrent requests make one deal.
        var filter = Builders<Property>.Filter.Eq(p => p.Id, property.Id)
            & Builders<Property>.Filter.ElemMatch(p => p.Offers, o => o.Id == offerId && o.Status == OfferStatus.Accepted)
            & (Builders<Property>.Filter.Eq(p => p.Deal, null) | Builders<Property>.Filter.Eq(p => p.Deal!.Status, DealStatus.Cancelled));
        var result = await services.Properties.UpdateOneAsync(filter, Builders<Property>.Update.Set(p => p.Deal, deal).Set(p => p.UpdatedAt, now), cancellationToken: cancellationToken);
        if (result.ModifiedCount == 0)
            return TypedResults.Problem(title: "No deal from this offer", detail: "The property got a deal or the offer changed meanwhile.", statusCode: StatusCodes.Status409Conflict);
        ClosingLog.DealChanged(services.Logger, deal.Id, property.Id, "created", userId);
        return TypedResults.Created($"/api/deals/{deal.Id}", DealView.From(property.Id, property.Address.Formatted, deal));
    }

    public static async Task<Results<Ok<DealView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string id, HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var dealId)) return TypedResults.NotFound();
        var (body, bodyErrors) = await JsonBody.ReadAsync<DealChangeRequest>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
        var property = await services.Properties.Find(p => p.Deal!.Id == dealId).FirstOrDefaultAsync(cancellationToken);
        var deal = property?.Deal;
        if (property is null || deal is null) return TypedResults.NotFound();
        if (body!.Status is { } to && !DealRules.CanMove(deal.Status, to))
            return TypedResults.Problem(title: "Illegal deal status change", statusCode: StatusCodes.Status409Conflict,
                detail: $"A deal that is {StoredEnum.Name(deal.Status)} cannot become {StoredEnum.Name(to)}.");
        var errors = DealRules.CheckChange(deal, body.Status, body.ActualClosingDate?.UtcDateTime, body.Revenue);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var closing = body.Status == DealStatus.Closed && deal.Status != DealStatus.Closed;
        var lead = await services.Leads.Find(l => l.Id == deal.LeadId).FirstOrDefaultAsync(cancellationToken);
        if (closing && lead is not null && LeadStageMoves.Blocker(lead, LeadStage.Closed) is { } blocker)
            return TypedResults.Problem(title: "The lead cannot be closed", detail: blocker, statusCode: StatusCodes.Status409Conflict);

        var now = services.Now;
        var userId = StaffClaims.UserId(user) ?? "staff";
        var update = Builders<Property>.Update.Set(p => p.Deal!.UpdatedAt, now).Set(p => p.UpdatedAt, now);
        if (body.ActualClosingDate is { } actual) update = update.Set(p => p.Deal!.ActualClosingDate, actual.UtcDateTime);
        if (body.Revenue is { } revenue) update = update.Set(p => p.Deal!.Revenue, revenue);
        else if (closing) update = update.Set(p => p.Deal!.Revenue, DealRules.RevenueAtClose(deal, null));
        if (body.Status is { } status) update = update.Set(p => p.Deal!.Status, status);
        var updated = await services.Properties.FindOneAndUpdateAsync(
            Builders<Property>.Filter.Eq(p => p.Id, property.Id) & Builders<Property>.Filter.Eq(p => p.Deal!.Id, dealId) & Builders<Property>.Filter.Eq(p => p.Deal!.Status, deal.Status),
            update, new FindOneAndUpdateOptions<Property> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        if (updated?.Deal is null)
            return TypedResults.Problem(title: "The deal changed meanwhile", detail: "Reload the deal and try again.", statusCode: StatusCodes.Status409Conflict);

        if (closing)
        {
            if (lead is not null) await LeadStageMoves.AdvanceAsync(services.Leads, lead, LeadStage.Closed, userId, now, cancellationToken);
            await BookRevenueAsync(services, updated.Deal, now, cancellationToken);
        }
        ClosingLog.DealChanged(services.Logger, dealId, property.Id, closing ? "closed" : "changed", userId);
        return TypedResults.Ok(DealView.From(property.Id, property.Address.Formatted, updated.Deal));
    }

    public static async Task<Results<Ok<List<DealView>>, ValidationProblem>> ListAsync(string? campaignId, string? status, ClosingServices services, CancellationToken cancellationToken)
    {
        var filter = new BsonDocument("deal", new BsonDocument("$type", "object"));
        var errors = new Dictionary<string, string[]>();
        if (campaignId is not null)
        {
            if (!ObjectId.TryParse(campaignId, out var cid)) errors["campaignId"] = ["Not a campaign id."];
            else filter["deal.campaignId"] = cid;
        }
        if (status is not null)
        {
            if (!StoredEnumParser<DealStatus>.TryParse(status, out var s)) errors["status"] = [$"Must be one of {StoredEnumParser<DealStatus>.Allowed}."];
            else filter["deal.status"] = StoredEnum.Name(s);
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var rows = await services.Database.GetCollection<Property>(CollectionNames.Properties).Find(filter).Limit(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Where(p => p.Deal is not null).OrderByDescending(p => p.Deal!.ContractDate)
            .Select(p => DealView.From(p.Id, p.Address.Formatted, p.Deal!)).ToList());
    }

    /// <summary>The deal_closed event the dashboard's revenue sums; its id is the deal's, so it is booked once.</summary>
    private static async Task BookRevenueAsync(ClosingServices services, Deal deal, DateTime now, CancellationToken cancellationToken)
    {
        var occurred = deal.ActualClosingDate ?? now;
        var document = new BsonDocument
        {
            { "_id", deal.Id }, { "type", RevenueQuery.DealClosedEvent }, { "occurredAt", occurred }, { "leadId", deal.LeadId },
            { "value", new BsonDecimal128(deal.Revenue ?? 0m) }, { "expiresAt", occurred.AddYears(3) },
        };
        if (deal.CampaignId is { } campaignId) document["campaignId"] = campaignId;
        try
        {
            await services.Database.GetCollection<BsonDocument>(CollectionNames.AnalyticsEvents).InsertOneAsync(document, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            // Booked already by an earlier attempt.
        }
    }
}
