using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Extensions;
using NextLevel.Api.Identity;
using NextLevel.Domain.Closers.Offers;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;
using NextLevel.Domain.Valuation;

namespace NextLevel.Api.Closers;

/// <summary>
/// Offers on a property (properties.offers): the valuation they come from (<see cref="WholesaleValuation.ForOffer"/>),
/// creation as a draft, and the negotiation moves of <see cref="OfferStateMachine"/> — each one conditional update on
/// the offer's current status, so an illegal or concurrent move writes nothing.
/// </summary>
public static class OffersApi
{
    public const int MaxTermsLength = 4000;

    public static RouteGroupBuilder MapOffersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Closers: offers and deals").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/properties/{id}/valuation-for-offer", ValuationAsync).WithName("ValuationForOffer")
            .WithSummary("Maximum allowable offer = ARV × 70% − repairs − the wholesale fee, and the margin.");
        group.MapGet("/properties/{id}/offers", ListAsync).WithName("ListOffers").WithSummary("The property's offers, newest first.");
        group.MapPost("/properties/{id}/offers", CreateAsync).WithName("CreateOffer").Accepts<NewOfferRequest>("application/json")
            .WithSummary("A draft offer for one of the property's leads, with the valuation it is made from.");
        group.MapPost("/offers/{id}/send", (string id, ClaimsPrincipal user, ClosingServices services, CancellationToken ct) =>
            MoveAsync(id, OfferAction.Sent, new OfferStep(null, OfferParty.Us, null), user, services, ct)).WithName("SendOffer").WithSummary("draft → sent; the lead moves to offer_made.");
        group.MapPost("/offers/{id}/counter", CounterAsync).WithName("CounterOffer").Accepts<CounterRequest>("application/json")
            .WithSummary("sent/countered → countered with a new amount by us or the seller; the lead moves to negotiation.");
        group.MapPost("/offers/{id}/accept", (string id, HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken ct) =>
            RespondAsync(id, OfferAction.Accepted, request, user, services, ct)).WithName("AcceptOffer").WithSummary("sent/countered → accepted.");
        group.MapPost("/offers/{id}/reject", (string id, HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken ct) =>
            RespondAsync(id, OfferAction.Rejected, request, user, services, ct)).WithName("RejectOffer").WithSummary("sent/countered → rejected.");
        return group;
    }

    public static async Task<Results<Ok<OfferValuationView>, NotFound, ValidationProblem>> ValuationAsync(string id, string? wholesaleFee, ClosingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var propertyId)) return TypedResults.NotFound();
        decimal fee = 0;
        if (wholesaleFee is not null && (!decimal.TryParse(wholesaleFee, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out fee) || fee < 0 || fee > 100_000_000))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["wholesaleFee"] = ["A fee is a non-negative amount in dollars."] });
        var property = await services.Properties.Find(p => p.Id == propertyId).FirstOrDefaultAsync(cancellationToken);
        if (property is null) return TypedResults.NotFound();
        var valuation = Value(property, fee, out var problem);
        return valuation is null ? TypedResults.ValidationProblem(problem!) : TypedResults.Ok(OfferValuationView.From(valuation));
    }

    public static async Task<Results<Ok<List<OfferView>>, NotFound>> ListAsync(string id, ClosingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var propertyId)) return TypedResults.NotFound();
        var offers = await services.Properties.Find(p => p.Id == propertyId).Project(p => p.Offers).FirstOrDefaultAsync(cancellationToken);
        return offers is null ? TypedResults.NotFound() : TypedResults.Ok(offers.OrderByDescending(o => o.CreatedAt).Select(o => OfferView.From(propertyId, o)).ToList());
    }

    public static async Task<Results<Created<OfferView>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string id, HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var propertyId)) return TypedResults.NotFound();
        var (body, bodyErrors) = await JsonBody.ReadAsync<NewOfferRequest>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
        var now = services.Now;
        var errors = new Dictionary<string, string[]>();
        if (!ObjectId.TryParse(body!.LeadId, out var leadId)) errors["leadId"] = ["The lead (24-hex id) the offer is made to is required."];
        if (body.Amount is not > 0 || body.Amount > 100_000_000) errors["amount"] = ["The amount is a positive number of dollars."];
        if (body.ExpiresAt is null) errors["expiresAt"] = ["The expiry time is required (ISO-8601)."];
        else if (body.ExpiresAt.Value.UtcDateTime <= now) errors["expiresAt"] = ["The offer must expire in the future."];
        if (body.Terms is { Length: > MaxTermsLength }) errors["terms"] = [$"Terms are at most {MaxTermsLength} characters."];
        if (body.WholesaleFee is < 0 or > 100_000_000) errors["wholesaleFee"] = ["A fee is a non-negative amount in dollars."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var property = await services.Properties.Find(p => p.Id == propertyId).FirstOrDefaultAsync(cancellationToken);
        if (property is null) return TypedResults.NotFound();
        var lead = await services.Leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        if (lead is null || (lead.PropertyId != propertyId && !property.LeadIds.Contains(leadId)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["leadId"] = ["Not a lead of this property."] });
        if (LeadStageMoves.Blocker(lead, LeadStage.OfferMade) is { } blocker)
            return TypedResults.Problem(title: "The lead cannot get an offer", detail: blocker, statusCode: StatusCodes.Status409Conflict);
        var valuation = Value(property, body.WholesaleFee ?? 0, out var problem);
        if (valuation is null) return TypedResults.ValidationProblem(problem!);

        var userId = StaffClaims.UserId(user) ?? "staff";
        var offer = new Offer
        {
            Id = ObjectId.GenerateNewId(), LeadId = leadId, CampaignId = lead.CampaignId, Amount = body.Amount!.Value, Terms = body.Terms?.Trim(),
            ExpiresAt = body.ExpiresAt!.Value.UtcDateTime, Status = OfferStatus.Draft, Valuation = valuation, CreatedAt = now, CreatedBy = userId, UpdatedAt = now,
            History = [new OfferEvent { At = now, Action = OfferAction.Created, Amount = body.Amount, By = OfferParty.Us, UserId = userId }],
        };
        var result = await services.Properties.UpdateOneAsync(p => p.Id == propertyId,
            Builders<Property>.Update.Push(p => p.Offers, offer).Set(p => p.UpdatedAt, now), cancellationToken: cancellationToken);
        if (result.MatchedCount == 0) return TypedResults.NotFound();
        ClosingLog.OfferChanged(services.Logger, offer.Id, propertyId, "created", userId);
        return TypedResults.Created($"/api/properties/{propertyId}/offers", OfferView.From(propertyId, offer));
    }

    public static async Task<Results<Ok<OfferView>, NotFound, ValidationProblem, ProblemHttpResult>> CounterAsync(
        string id, HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        var (body, bodyErrors) = await JsonBody.ReadAsync<CounterRequest>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
        var errors = new Dictionary<string, string[]>();
        if (body!.Amount is not > 0 || body.Amount > 100_000_000) errors["amount"] = ["The counter amount is a positive number of dollars."];
        if (body.By is null) errors["by"] = ["Who countered: us or seller."];
        if (body.Note is { Length: > 2000 }) errors["note"] = ["A note is at most 2000 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return await MoveAsync(id, OfferAction.Countered, new OfferStep(body.Amount, body.By, body.Note?.Trim()), user, services, cancellationToken);
    }

    private static async Task<Results<Ok<OfferView>, NotFound, ValidationProblem, ProblemHttpResult>> RespondAsync(
        string id, OfferAction action, HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        OfferResponseRequest? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            (body, var bodyErrors) = await JsonBody.ReadAsync<OfferResponseRequest>(request, cancellationToken);
            if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
            if (body!.Note is { Length: > 2000 }) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = ["A note is at most 2000 characters."] });
        }
        return await MoveAsync(id, action, new OfferStep(null, body?.By, body?.Note?.Trim()), user, services, cancellationToken);
    }

    /// <summary>Applies one move of the state machine with a filter on the offer's current status; 409 when it is not allowed.</summary>
    private static async Task<Results<Ok<OfferView>, NotFound, ValidationProblem, ProblemHttpResult>> MoveAsync(
        string id, OfferAction action, OfferStep step, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var offerId)) return TypedResults.NotFound();
        var property = await services.Properties.Find(Builders<Property>.Filter.ElemMatch(p => p.Offers, o => o.Id == offerId)).FirstOrDefaultAsync(cancellationToken);
        var offer = property?.Offers.FirstOrDefault(o => o.Id == offerId);
        if (property is null || offer is null) return TypedResults.NotFound();
        if (OfferStateMachine.Apply(offer.Status, action, out var reason) is not { } next)
            return TypedResults.Problem(title: "Illegal offer move", detail: reason, statusCode: StatusCodes.Status409Conflict);
        if (action != OfferAction.Rejected && offer.ExpiresAt <= services.Now)
            return TypedResults.Problem(title: "The offer has expired", statusCode: StatusCodes.Status409Conflict,
                detail: $"The offer expired at {offer.ExpiresAt:yyyy-MM-dd'T'HH:mm:ss'Z'}; make a new offer.");
        var lead = await services.Leads.Find(l => l.Id == offer.LeadId).FirstOrDefaultAsync(cancellationToken);
        if (lead is not null && action is OfferAction.Sent or OfferAction.Countered && LeadStageMoves.Blocker(lead, LeadStage.OfferMade) is { } blocker)
            return TypedResults.Problem(title: "The lead cannot take offers", detail: blocker, statusCode: StatusCodes.Status409Conflict);

        var now = services.Now;
        var userId = StaffClaims.UserId(user) ?? "staff";
        var entry = new OfferEvent
        {
            At = now, Action = action, UserId = userId, Note = step.Note,
            Amount = action == OfferAction.Countered ? step.Amount : action == OfferAction.Sent ? offer.Amount : null,
            // Who accepts or rejects, unless told: the other side of the last amount on the table.
            By = step.By ?? OfferStateMachine.Responder(offer),
        };
        var set = new BsonDocument { { "offers.$.status", StoredEnum.Name(next) }, { "offers.$.updatedAt", now }, { "updatedAt", now } };
        if (action == OfferAction.Countered) set["offers.$.amount"] = new BsonDecimal128(step.Amount!.Value);
        var filter = new BsonDocument { { "_id", property.Id }, { "offers", new BsonDocument("$elemMatch", new BsonDocument { { "_id", offerId }, { "status", StoredEnum.Name(offer.Status) } }) } };
        var update = new BsonDocument { { "$set", set }, { "$push", new BsonDocument("offers.$.history", entry.ToBsonDocument()) } };
        var updated = await services.Database.GetCollection<Property>(CollectionNames.Properties).FindOneAndUpdateAsync<Property>(filter, update,
            new FindOneAndUpdateOptions<Property> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        if (updated is null)
            return TypedResults.Problem(title: "The offer changed meanwhile", detail: "Reload the offer and try again.", statusCode: StatusCodes.Status409Conflict);

        if (lead is not null && action is OfferAction.Sent or OfferAction.Countered)
            await LeadStageMoves.AdvanceAsync(services.Leads, lead, action == OfferAction.Sent ? LeadStage.OfferMade : LeadStage.Negotiation, userId, now, cancellationToken);
        ClosingLog.OfferChanged(services.Logger, offerId, property.Id, StoredEnum.Name(action), userId);
        return TypedResults.Ok(OfferView.From(property.Id, updated.Offers.First(o => o.Id == offerId)));
    }

    /// <summary>The valuation from the one rule, or the reason it cannot be made (no after-repair value).</summary>
    internal static OfferValuation? Value(Property property, decimal fee, out Dictionary<string, string[]>? problem)
    {
        problem = null;
        if (property.Valuation?.AfterRepairValue is not { } arv || arv <= 0)
        {
            problem = new() { ["afterRepairValue"] = ["The property has no after-repair value (valuation.afterRepairValue); value it first."] };
            return null;
        }
        var calc = WholesaleValuation.ForOffer(arv, Math.Max(0m, property.TotalRepairCost), fee);
        return new OfferValuation
        {
            AfterRepairValue = calc.AfterRepairValue, Repairs = calc.Repairs, WholesaleFee = calc.WholesaleFee,
            MaximumAllowableOffer = calc.MaximumAllowableOffer, Margin = calc.Margin,
        };
    }
}

/// <summary>What a negotiation move brings: a new amount (counter), who made it, and a note.</summary>
internal sealed record OfferStep(decimal? Amount, OfferParty? By, string? Note);
