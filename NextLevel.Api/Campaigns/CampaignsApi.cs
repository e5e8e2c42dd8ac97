using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Extensions;
using NextLevel.Api.Identity;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Reporting;

namespace NextLevel.Api.Campaigns;

/// <summary>Campaigns: list, detail, create/update (managers), status changes, targeting preview and metrics.</summary>
public static class CampaignsApi
{
    public static void AddCampaigns(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CampaignServices>();
    }

    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/", ListCampaignsAsync).WithName("ListCampaigns").WithSummary("All campaigns, newest first; optional status filter.");
        group.MapGet("/{id}", GetCampaignAsync).WithName("GetCampaign").WithSummary("One campaign.");
        group.MapPost("/", CreateCampaignAsync).WithName("CreateCampaign").WithSummary("Create a campaign (as draft).")
            .RequireAuthorization(StaffPolicies.Managers).Accepts<CampaignRequest>("application/json");
        group.MapPut("/{id}", UpdateCampaignAsync).WithName("UpdateCampaign").WithSummary("Replace a campaign's editable parts.")
            .RequireAuthorization(StaffPolicies.Managers).Accepts<CampaignRequest>("application/json");
        group.MapPost("/{id}/activate", (string id, ClaimsPrincipal user, CampaignServices s, CancellationToken ct) => ChangeStatusAsync(id, CampaignStatus.Active, user, s, ct))
            .WithName("ActivateCampaign").WithSummary("Activate a draft or paused campaign.").RequireAuthorization(StaffPolicies.Managers);
        group.MapPost("/{id}/pause", (string id, ClaimsPrincipal user, CampaignServices s, CancellationToken ct) => ChangeStatusAsync(id, CampaignStatus.Paused, user, s, ct))
            .WithName("PauseCampaign").WithSummary("Pause an active campaign.").RequireAuthorization(StaffPolicies.Managers);
        group.MapPost("/{id}/complete", (string id, ClaimsPrincipal user, CampaignServices s, CancellationToken ct) => ChangeStatusAsync(id, CampaignStatus.Completed, user, s, ct))
            .WithName("CompleteCampaign").WithSummary("Complete an active or paused campaign (final).").RequireAuthorization(StaffPolicies.Managers);
        group.MapGet("/{id}/targeting-preview", PreviewTargetingAsync).WithName("PreviewCampaignTargeting").WithSummary("How many open leads match the campaign's targeting now.");
        group.MapGet("/{id}/metrics", GetMetricsAsync).WithName("GetCampaignMetrics").WithSummary("Metrics computed from the campaign's leads, calls and closed deals.");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<CampaignSummary>>, ValidationProblem>> ListCampaignsAsync(string? status, CampaignServices services, CancellationToken cancellationToken)
    {
        var filter = new BsonDocument();
        if (status is not null)
        {
            if (!StoredEnumParser<CampaignStatus>.TryParseList(status, out var statuses))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"Must be one or more of {StoredEnumParser<CampaignStatus>.Allowed}."] });
            filter["status"] = new BsonDocument("$in", new BsonArray(statuses.Select(s => StoredEnum.Name(s))));
        }
        var campaigns = await services.Campaigns.Find(filter).SortByDescending(c => c.CreatedAt).Limit(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CampaignSummary>>([.. campaigns.Select(CampaignSummary.From)]);
    }

    public static async Task<Results<Ok<Campaign>, NotFound>> GetCampaignAsync(string id, CampaignServices services, CancellationToken cancellationToken)
    {
        var campaign = await FindAsync(id, services, cancellationToken);
        return campaign is null ? TypedResults.NotFound() : TypedResults.Ok(campaign);
    }

    public static async Task<Results<Created<Campaign>, ValidationProblem>> CreateCampaignAsync(HttpRequest request, ClaimsPrincipal user, CampaignServices services, CancellationToken cancellationToken)
    {
        var (body, errors) = await JsonBody.ReadAsync<CampaignRequest>(request, cancellationToken);
        if (errors is not null) return TypedResults.ValidationProblem(errors);
        var now = services.Clock.GetUtcNow().UtcDateTime;
        var userId = ObjectId.TryParse(StaffClaims.UserId(user), out var uid) ? uid : (ObjectId?)null;
        var campaign = new Campaign { Id = ObjectId.GenerateNewId(), Status = CampaignStatus.Draft, CreatedAt = now, UpdatedAt = now, CreatedBy = userId, UpdatedBy = userId };
        var problems = Apply(body!, campaign, services.BusinessName);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);

        await services.Campaigns.InsertOneAsync(campaign, cancellationToken: cancellationToken);
        CampaignsLog.Changed(services.Logger, campaign.Id, "created", StaffClaims.UserId(user));
        return TypedResults.Created($"/api/campaigns/{campaign.Id}", campaign);
    }

    public static async Task<Results<Ok<Campaign>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateCampaignAsync(
        string id, HttpRequest request, ClaimsPrincipal user, CampaignServices services, CancellationToken cancellationToken)
    {
        var campaign = await FindAsync(id, services, cancellationToken);
        if (campaign is null) return TypedResults.NotFound();
        if (campaign.Status == CampaignStatus.Completed)
            return TypedResults.Problem(title: "Campaign completed", detail: "A completed campaign cannot be changed.", statusCode: StatusCodes.Status409Conflict);
        var (body, errors) = await JsonBody.ReadAsync<CampaignRequest>(request, cancellationToken);
        if (errors is not null) return TypedResults.ValidationProblem(errors);

        var previousUpdate = campaign.UpdatedAt;
        var problems = Apply(body!, campaign, services.BusinessName);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        campaign.UpdatedAt = services.Clock.GetUtcNow().UtcDateTime;
        campaign.UpdatedBy = ObjectId.TryParse(StaffClaims.UserId(user), out var uid) ? uid : null;

        // Replace only the version that was read and only if it is not completed meanwhile.
        var result = await services.Campaigns.ReplaceOneAsync(
            c => c.Id == campaign.Id && c.UpdatedAt == previousUpdate && c.Status != CampaignStatus.Completed, campaign, cancellationToken: cancellationToken);
        if (result.MatchedCount == 0)
            return TypedResults.Problem(title: "The campaign changed meanwhile", detail: "Reload it and try again.", statusCode: StatusCodes.Status409Conflict);
        CampaignsLog.Changed(services.Logger, campaign.Id, "updated", StaffClaims.UserId(user));
        return TypedResults.Ok(campaign);
    }

    public static async Task<Results<Ok<Campaign>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        string id, CampaignStatus target, ClaimsPrincipal user, CampaignServices services, CancellationToken cancellationToken)
    {
        var campaign = await FindAsync(id, services, cancellationToken);
        if (campaign is null) return TypedResults.NotFound();
        if (!CampaignLifecycle.CanChange(campaign.Status, target))
            return TypedResults.Problem(title: "Status change not allowed",
                detail: $"A {StoredEnum.Name(campaign.Status)} campaign cannot become {StoredEnum.Name(target)}.", statusCode: StatusCodes.Status409Conflict);
        if (target == CampaignStatus.Active)
        {
            // A campaign made before these rules (or seeded) must meet them before it calls anyone.
            var problems = CampaignValidation.Validate(campaign, services.BusinessName);
            if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        }

        var updated = await services.Campaigns.FindOneAndUpdateAsync<Campaign>(
            c => c.Id == campaign.Id && c.Status == campaign.Status,
            Builders<Campaign>.Update.Set(c => c.Status, target).Set(c => c.UpdatedAt, services.Clock.GetUtcNow().UtcDateTime),
            new FindOneAndUpdateOptions<Campaign> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        if (updated is null)
            return TypedResults.Problem(title: "The campaign changed meanwhile", detail: "Reload it and try again.", statusCode: StatusCodes.Status409Conflict);
        CampaignsLog.Changed(services.Logger, campaign.Id, StoredEnum.Name(target), StaffClaims.UserId(user));
        return TypedResults.Ok(updated);
    }

    public static async Task<Results<Ok<TargetingPreview>, NotFound>> PreviewTargetingAsync(string id, CampaignServices services, CancellationToken cancellationToken)
    {
        var campaign = await FindAsync(id, services, cancellationToken);
        if (campaign is null) return TypedResults.NotFound();
        var now = services.Clock.GetUtcNow().UtcDateTime;
        var count = await new TargetingPreviewQuery(services.Database).CountAsync(campaign, now, cancellationToken);
        return TypedResults.Ok(new TargetingPreview(campaign.Id, count, now));
    }

    public static async Task<Results<Ok<CampaignMetricsView>, NotFound>> GetMetricsAsync(string id, CampaignServices services, CancellationToken cancellationToken)
    {
        var campaign = await FindAsync(id, services, cancellationToken);
        if (campaign is null) return TypedResults.NotFound();
        var leadsTask = new LeadOutcomeQuery(services.Database).CountAsync(new BsonDocument("campaignId", campaign.Id), cancellationToken);
        var callsTask = new CallTotalsQuery(services.Database).SumAsync(new BsonDocument("campaignId", campaign.Id), cancellationToken);
        var revenueTask = new RevenueQuery(services.Database).SumAsync(null, null, campaign.Id, cancellationToken);
        var closingTask = new ClosingRecordsQuery(services.Database).CountAsync(campaign.Id, cancellationToken);
        await Task.WhenAll(leadsTask, callsTask, revenueTask, closingTask);
        var (leads, calls, revenue, closing) = (await leadsTask, await callsTask, await revenueTask, await closingTask);
        var ratios = KpiMath.Ratios(leads, calls.TotalCost, revenue);
        var closingRatios = ClosingMetrics.Ratios(leads.Received, calls.TotalCost, closing);
        return TypedResults.Ok(new CampaignMetricsView(campaign.Id, leads, calls, revenue, calls.TotalCost, ratios.ContactRate, ratios.QualificationRate,
            ratios.ConversionRate, ratios.CostPerLead, ratios.CostPerDeal, ratios.Roi, services.Clock.GetUtcNow().UtcDateTime,
            new ClosingFigures(closing.SiteVisits, closing.OffersExtended, closing.DealsClosed, closing.TotalRevenue,
                closingRatios.ConversionRate, closingRatios.CostPerDeal, closingRatios.Roi)));
    }

    /// <summary>Copies the request onto the campaign and checks the result with the Domain's rules.</summary>
    private static IReadOnlyDictionary<string, string[]> Apply(CampaignRequest body, Campaign campaign, string businessName)
    {
        if (body.Type is null) return new Dictionary<string, string[]> { ["type"] = ["Type is required: wholesale, fix_flip or rental."] };
        campaign.Name = body.Name?.Trim() ?? "";
        campaign.Description = body.Description;
        campaign.Type = body.Type.Value;
        campaign.Targeting = body.Targeting ?? new CampaignTargeting();
        campaign.Workflow = body.Workflow!;
        campaign.ConversationStrategy = body.ConversationStrategy;
        campaign.Budget = body.Budget ?? new CampaignBudget();
        campaign.Schedule = body.Schedule!;
        return CampaignValidation.Validate(campaign, businessName);
    }

    private static async Task<Campaign?> FindAsync(string id, CampaignServices services, CancellationToken cancellationToken) =>
        ObjectId.TryParse(id, out var campaignId)
            ? await services.Campaigns.Find(c => c.Id == campaignId).FirstOrDefaultAsync(cancellationToken)
            : null;
}
