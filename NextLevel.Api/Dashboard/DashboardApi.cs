using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Extensions;
using NextLevel.Api.Identity;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Reporting;

namespace NextLevel.Api.Dashboard;

/// <summary>The dashboard: the seed's two pipelines (campaign performance, funnel) and the KPIs with their trend.</summary>
public static class DashboardApi
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(5 * 366);

    public static void AddDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }

    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dashboard").WithTags("Dashboard").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/campaign-performance", CampaignPerformanceAsync).WithName("GetCampaignPerformance")
            .WithSummary("Calls of one campaign per outcome: count, average duration and sentiment, total cost (default: last 30 days).");
        group.MapGet("/funnel", FunnelAsync).WithName("GetLeadFunnel")
            .WithSummary("Leads received per status with average score, optionally for one campaign or source (default: last 30 days).");
        group.MapGet("/kpis", KpisAsync).WithName("GetKpis")
            .WithSummary("Leads, speed to lead (median, p90), contact rate, qualified, visits, offers, deals, cost per lead and deal, ROI; with the previous period unless compare=false.");
        return group;
    }

    public static async Task<Results<Ok<CampaignPerformanceView>, ValidationProblem>> CampaignPerformanceAsync(
        string? campaignId, string? from, string? to, IMongoDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var range = Period(from, to, clock, errors);
        if (!ObjectId.TryParse(campaignId, out var id)) errors["campaignId"] = ["A 24-hex-digit campaign id is required."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var outcomes = await new CampaignPerformanceQuery(database).ByOutcomeAsync(id, range.From, range.To, cancellationToken);
        return TypedResults.Ok(new CampaignPerformanceView(id, range.From, range.To, outcomes));
    }

    public static async Task<Results<Ok<FunnelView>, ValidationProblem>> FunnelAsync(
        string? from, string? to, string? campaignId, string? source, IMongoDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var range = Period(from, to, clock, errors);
        ObjectId? campaign = null;
        if (campaignId is not null)
        {
            if (ObjectId.TryParse(campaignId, out var id)) campaign = id;
            else errors["campaignId"] = ["Must be a 24-hex-digit id."];
        }
        LeadSource? leadSource = null;
        if (source is not null)
        {
            if (StoredEnumParser<LeadSource>.TryParse(source, out var s)) leadSource = s;
            else errors["source"] = [$"Must be one of {StoredEnumParser<LeadSource>.Allowed}."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var steps = await new LeadFunnelQuery(database).ByStatusAsync(new FunnelFilter(range.From, range.To, campaign, leadSource), cancellationToken);
        return TypedResults.Ok(new FunnelView(range.From, range.To, steps));
    }

    /// <summary>The KPIs of a period and, unless compare=false, of the period of the same length before it (the trend).</summary>
    public static async Task<Results<Ok<KpiView>, ValidationProblem>> KpisAsync(string? from, string? to, bool? compare, IMongoDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var range = Period(from, to, clock, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var length = range.To - range.From;
        var currentTask = KpiPeriodAsync(database, range.From, range.To, cancellationToken);
        var previousTask = compare is false ? null : KpiPeriodAsync(database, range.From - length, range.From, cancellationToken);
        return TypedResults.Ok(new KpiView(await currentTask, previousTask is null ? null : await previousTask));
    }

    private static async Task<KpiPeriod> KpiPeriodAsync(IMongoDatabase database, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var received = new BsonDocument("receivedAt", new BsonDocument { { "$gte", from }, { "$lt", to } });
        var calls = new BsonDocument("initiatedAt", new BsonDocument { { "$gte", from }, { "$lt", to } });
        var leadsTask = new LeadKpiQuery(database).MeasureAsync(received, cancellationToken);
        var costTask = new CallTotalsQuery(database).CostAsync(calls, cancellationToken);
        var revenueTask = new RevenueQuery(database).SumAsync(from, to, null, cancellationToken);
        await Task.WhenAll(leadsTask, costTask, revenueTask);
        var (leads, speed) = await leadsTask;
        var cost = await costTask;
        var revenue = await revenueTask;
        var ratios = KpiMath.Ratios(leads, cost, revenue);
        return new KpiPeriod(from, to, leads.Received, speed, ratios.ContactRate, leads.Qualified, leads.SiteVisits, leads.Offers, leads.Deals,
            cost, revenue, ratios.CostPerLead, ratios.CostPerDeal, ratios.Roi);
    }

    /// <summary>from/to as ISO 8601 (to exclusive); defaults to the 30 days up to now.</summary>
    private static (DateTime From, DateTime To) Period(string? from, string? to, TimeProvider clock, Dictionary<string, string[]> errors)
    {
        DateTime? Parse(string? text, string field)
        {
            if (text is null) return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) && value.Year is >= 1970 and <= 2200)
                return value.UtcDateTime;
            errors[field] = ["Must be an ISO 8601 date or time between 1970 and 2200."];
            return null;
        }
        var end = Parse(to, "to") ?? clock.GetUtcNow().UtcDateTime;
        var start = Parse(from, "from") ?? end - DefaultPeriod;
        if (errors.Count == 0 && start >= end) errors["from"] = ["From must be before to."];
        else if (errors.Count == 0 && end - start > MaxPeriod) errors["from"] = ["The period is at most five years."];
        return (start, end);
    }
}
