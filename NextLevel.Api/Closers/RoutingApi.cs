using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Extensions;
using NextLevel.Api.Identity;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Reporting;

namespace NextLevel.Api.Closers;

/// <summary>Lead routing (issue 10): campaign rules, a lead's routing state and history, requests, claims, releases,
/// the campaign pool and the offers waiting for the signed-in closer.</summary>
public static class RoutingApi
{
    /// <summary>Closers and managers may claim leads.</summary>
    public const string ClaimPolicy = "closers_and_managers";

    public const int ListLimit = 500;

    public static void AddClosers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<RoutingTeams>();
        builder.Services.AddSingleton<LeadRouter>();
        builder.Services.AddSingleton<RoutingTriggers>();
        builder.Services.AddSingleton<CloserMetricsQuery>();
        builder.Services.AddSingleton<OfferToDealQuery>();
        builder.Services.AddSingleton<RoutingServices>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ClaimPolicy, p => p.RequireRole(StaffRoles.Closer, StaffRoles.Admin, StaffRoles.CampaignManager));
    }

    public static RouteGroupBuilder MapRoutingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Routing").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/campaigns/{id}/routing", GetCampaignRoutingAsync).WithName("GetCampaignRouting")
            .WithSummary("A campaign's routing rules and its closers: shift, cap, open leads, on shift now.");
        group.MapPut("/campaigns/{id}/routing", PutCampaignRoutingAsync).WithName("PutCampaignRouting")
            .WithSummary("Change a campaign's routing rules (mode, claim window, offers before the pool).")
            .RequireAuthorization(StaffPolicies.Managers).Accepts<CampaignRoutingRequest>("application/json");
        group.MapGet("/leads/{id}/routing", GetLeadRoutingAsync).WithName("GetLeadRouting").WithSummary("Where the lead is between people, with every step and its reason.");
        group.MapPost("/leads/{id}/routing/request", RequestAsync).WithName("RequestLeadRouting")
            .WithSummary("Staff ask for a person: the lead is offered to the next closer (or the pool).").Accepts<RoutingRequestBody>("application/json");
        group.MapPost("/leads/{id}/claim", ClaimAsync).WithName("ClaimLead")
            .WithSummary("Claim a lead offered to me (within the window) or in my campaign's pool; managers claim any unclaimed lead.")
            .RequireAuthorization(ClaimPolicy);
        group.MapPost("/leads/{id}/release", ReleaseAsync).WithName("ReleaseLead")
            .WithSummary("The claimer (or a manager) gives the lead back; it is routed again.");
        group.MapPost("/leads/{id}/routing/first-contact", FirstContactAsync).WithName("RecordFirstHumanContact")
            .WithSummary("The claimer records the first time a person reached the lead (speed to first human contact).")
            .RequireAuthorization(ClaimPolicy);
        group.MapGet("/routing/pool", PoolAsync).WithName("ListRoutingPool").WithSummary("Pooled leads (nobody claimed them), oldest first.");
        group.MapGet("/me/offers", MyOffersAsync).WithName("ListMyOffers").WithSummary("Leads offered to me whose claim window is still open.");
        return group;
    }

    public static async Task<Results<Ok<CampaignRoutingDto>, NotFound>> GetCampaignRoutingAsync(string id, RoutingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var campaignId)) return TypedResults.NotFound();
        var campaign = await services.Campaigns.Find(c => c.Id == campaignId).FirstOrDefaultAsync(cancellationToken);
        return campaign is null ? TypedResults.NotFound() : TypedResults.Ok(await DescribeAsync(campaign, services, cancellationToken));
    }

    public static async Task<Results<Ok<CampaignRoutingDto>, NotFound, ValidationProblem>> PutCampaignRoutingAsync(
        string id, HttpRequest request, ClaimsPrincipal user, RoutingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var campaignId)) return TypedResults.NotFound();
        var (body, errors) = await JsonBody.ReadAsync<CampaignRoutingRequest>(request, cancellationToken);
        if (errors is not null) return TypedResults.ValidationProblem(errors);
        var problems = CloserValidation.Rules(body!);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);

        var f = Builders<Campaign>.Filter;
        var existing = await services.Campaigns.Find(c => c.Id == campaignId).FirstOrDefaultAsync(cancellationToken);
        if (existing is null) return TypedResults.NotFound();
        var set = Builders<Campaign>.Update
            .Set("routing.mode", StoredEnum.Name(body!.Mode!.Value))
            .Set("routing.claimWindowSeconds", body.ClaimWindowSeconds!.Value)
            .Set("routing.maxOffers", body.MaxOffers!.Value)
            .Set(c => c.UpdatedAt, services.Now);
        var updated = await services.Campaigns.UpdateOneAsync(f.Eq(c => c.Id, campaignId) & f.Type("routing", MongoDB.Bson.BsonType.Document), set, cancellationToken: cancellationToken);
        if (updated.MatchedCount == 0)
        {
            var rules = new CampaignRouting { Mode = body.Mode.Value, ClaimWindowSeconds = body.ClaimWindowSeconds.Value, MaxOffers = body.MaxOffers.Value };
            await services.Campaigns.UpdateOneAsync(f.Eq(c => c.Id, campaignId),
                Builders<Campaign>.Update.Set(c => c.Routing, rules).Set(c => c.UpdatedAt, services.Now), cancellationToken: cancellationToken);
        }
        RoutingLog.RulesChanged(services.Logger, campaignId, StaffClaims.UserId(user));
        var campaign = await services.Campaigns.Find(c => c.Id == campaignId).FirstAsync(cancellationToken);
        return TypedResults.Ok(await DescribeAsync(campaign, services, cancellationToken));
    }

    public static async Task<Results<Ok<RoutingStateDto>, NotFound>> GetLeadRoutingAsync(string id, RoutingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var leadId)) return TypedResults.NotFound();
        var lead = await services.Leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        return lead is null ? TypedResults.NotFound() : TypedResults.Ok(await services.DescribeAsync(lead.Routing, cancellationToken));
    }

    public static async Task<Results<Ok<RoutingStateDto>, NotFound, ValidationProblem, ProblemHttpResult>> RequestAsync(
        string id, HttpRequest request, ClaimsPrincipal user, RoutingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var leadId)) return TypedResults.NotFound();
        var (body, errors) = await JsonBody.ReadAsync<RoutingRequestBody>(request, cancellationToken);
        if (errors is not null) return TypedResults.ValidationProblem(errors);
        var reason = body!.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 300)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why the lead needs a person (1 to 300 characters)."] });
        var userId = RoutingServices.UserId(user);
        var outcome = await services.Router.RequestAsync(leadId, "staff asked: " + reason, userId, cancellationToken);
        RoutingLog.Step(services.Logger, leadId, "requested", StaffClaims.UserId(user));
        return await ResultAsync(outcome, services, cancellationToken);
    }

    public static Task<Results<Ok<RoutingStateDto>, NotFound, ValidationProblem, ProblemHttpResult>> ClaimAsync(
        string id, ClaimsPrincipal user, RoutingServices services, CancellationToken cancellationToken) =>
        ActAsync(id, user, services, "claimed", (leadId, userId, ct) => services.Router.ClaimAsync(leadId, userId, RoutingServices.IsManager(user), ct), cancellationToken);

    public static Task<Results<Ok<RoutingStateDto>, NotFound, ValidationProblem, ProblemHttpResult>> ReleaseAsync(
        string id, ClaimsPrincipal user, RoutingServices services, CancellationToken cancellationToken) =>
        ActAsync(id, user, services, "released", (leadId, userId, ct) => services.Router.ReleaseAsync(leadId, userId, RoutingServices.IsManager(user), ct), cancellationToken);

    public static Task<Results<Ok<RoutingStateDto>, NotFound, ValidationProblem, ProblemHttpResult>> FirstContactAsync(
        string id, ClaimsPrincipal user, RoutingServices services, CancellationToken cancellationToken) =>
        ActAsync(id, user, services, step: null, (leadId, userId, ct) => services.Router.RecordFirstHumanContactAsync(leadId, userId, ct), cancellationToken);

    /// <summary>A signed-in staff member acts on a lead's routing; a successful step is logged by ids only.</summary>
    private static async Task<Results<Ok<RoutingStateDto>, NotFound, ValidationProblem, ProblemHttpResult>> ActAsync(
        string id, ClaimsPrincipal user, RoutingServices services, string? step,
        Func<ObjectId, ObjectId, CancellationToken, Task<RoutingOutcome>> act, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var leadId)) return TypedResults.NotFound();
        if (RoutingServices.UserId(user) is not { } userId) return TypedResults.Problem("Your sign-in has no user id.", statusCode: StatusCodes.Status403Forbidden);
        var outcome = await act(leadId, userId, cancellationToken);
        if (step is not null && outcome.Kind == RoutingOutcomeKind.Done) RoutingLog.Step(services.Logger, leadId, step, userId.ToString());
        return await ResultAsync(outcome, services, cancellationToken);
    }

    public static async Task<Results<Ok<IReadOnlyList<PoolItemDto>>, ValidationProblem>> PoolAsync(string? campaignId, RoutingServices services, CancellationToken cancellationToken)
    {
        var filter = new BsonDocument("routing.state", StoredEnum.Name(LeadRoutingState.Pool));
        if (campaignId is not null)
        {
            if (!ObjectId.TryParse(campaignId, out var cid))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaignId"] = ["Must be a campaign id (24 hex digits)."] });
            filter["campaignId"] = cid;
        }
        var leads = await services.Leads.Find(filter).Sort(new BsonDocument("routing.pooledAt", 1)).Limit(ListLimit).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PoolItemDto>>([.. leads.Select(l => new PoolItemDto(l.Id, LeadNames.Of(l), l.CampaignId, l.CampaignName,
            l.Qualification?.Score, l.Routing?.PooledAt, RoutingReasons.LastReason(l.Routing, RoutingAction.Pooled)))]);
    }

    public static async Task<Results<Ok<IReadOnlyList<MyOfferDto>>, ProblemHttpResult>> MyOffersAsync(ClaimsPrincipal user, RoutingServices services, CancellationToken cancellationToken)
    {
        if (RoutingServices.UserId(user) is not { } userId) return TypedResults.Problem("Your sign-in has no user id.", statusCode: StatusCodes.Status403Forbidden);
        var filter = new BsonDocument
        {
            { "routing.state", StoredEnum.Name(LeadRoutingState.Offered) },
            { "routing.offeredTo", userId },
            { "routing.claimDeadline", new BsonDocument("$gt", services.Now) },
        };
        var leads = await services.Leads.Find(filter).Sort(new BsonDocument("routing.claimDeadline", 1)).Limit(ListLimit).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MyOfferDto>>([.. leads.Select(l => new MyOfferDto(l.Id, LeadNames.Of(l), l.CampaignName, l.Qualification?.Score,
            l.Routing?.OfferedAt, l.Routing?.ClaimDeadline, RoutingReasons.LastReason(l.Routing, RoutingAction.Offered)))]);
    }

    private static async Task<Results<Ok<RoutingStateDto>, NotFound, ValidationProblem, ProblemHttpResult>> ResultAsync(RoutingOutcome outcome, RoutingServices services, CancellationToken cancellationToken) =>
        outcome.Kind switch
        {
            RoutingOutcomeKind.Done => TypedResults.Ok(await services.DescribeAsync(outcome.Routing, cancellationToken)),
            RoutingOutcomeKind.NotFound => TypedResults.NotFound(),
            RoutingOutcomeKind.Forbidden => TypedResults.Problem(title: "Not allowed", detail: outcome.Detail, statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Problem(title: "Routing conflict", detail: outcome.Detail, statusCode: StatusCodes.Status409Conflict),
        };

    private static async Task<CampaignRoutingDto> DescribeAsync(Campaign campaign, RoutingServices services, CancellationToken cancellationToken)
    {
        var rules = campaign.Routing ?? new CampaignRouting();
        var now = services.Now;
        var closers = await services.Teams.ClosersAsync(campaign, cancellationToken);
        return new CampaignRoutingDto(campaign.Id, rules.Mode, rules.ClaimWindowSeconds, rules.MaxOffers, rules.RotationCursor,
            [.. closers.OrderBy(c => c.UserId).Select(c => new CampaignCloserDto(c.UserId, c.DisplayName, c.Profile.Weight, c.Profile.OpenLeadCap, c.OpenLeads,
                c.Profile.TimeZone, ShiftDto.From(c.Profile.Shift), ShiftClock.IsOnShift(c.Profile, now)))]);
    }
}
