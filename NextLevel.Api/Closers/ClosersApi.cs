using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Extensions;
using NextLevel.Api.Identity;
using NextLevel.Domain.Closers.Routing;

namespace NextLevel.Api.Closers;

/// <summary>Closers (issue 10): the roster with shifts and open leads, each closer's routing profile, and speed metrics.</summary>
public static class ClosersApi
{
    public static readonly TimeSpan DefaultMetricsPeriod = TimeSpan.FromDays(30);

    public static RouteGroupBuilder MapClosersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Closers").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/staff/closers", ListClosersAsync).WithName("ListClosers").WithSummary("Staff with the closer role: shift, cap, weight, open leads, on shift now.");
        group.MapPut("/staff/{userId}/closer-profile", PutProfileAsync).WithName("PutCloserProfile")
            .WithSummary("Set a closer's time zone, shift, open-lead cap and weight (managers, or the closer for themself).")
            .Accepts<CloserProfileRequest>("application/json");
        group.MapGet("/metrics/closers", MetricsAsync).WithName("GetCloserMetrics")
            .WithSummary("Speed to claim and to first human contact per closer and per source (median, p90), open and overdue tasks per closer, offer-to-deal conversion.");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<CloserDto>>> ListClosersAsync(RoutingServices services, CancellationToken cancellationToken)
    {
        var accounts = await services.Accounts.Find(Builders<CloserAccount>.Filter.AnyEq(a => a.Roles, StaffRoles.Closer) & Builders<CloserAccount>.Filter.Ne(a => a.Disabled, true))
            .SortBy(a => a.DisplayName).Limit(RoutingApi.ListLimit).ToListAsync(cancellationToken);
        var open = await services.Teams.OpenLeadsAsync([.. accounts.Select(a => a.Id)], cancellationToken);
        var now = services.Now;
        return TypedResults.Ok<IReadOnlyList<CloserDto>>([.. accounts.Select(a => Describe(a, open.GetValueOrDefault(a.Id), now))]);
    }

    public static async Task<Results<Ok<CloserDto>, NotFound, ValidationProblem, ProblemHttpResult>> PutProfileAsync(
        string userId, HttpRequest request, ClaimsPrincipal user, RoutingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(userId, out var id)) return TypedResults.NotFound();
        if (!RoutingServices.IsManager(user) && RoutingServices.UserId(user) != id)
            return TypedResults.Problem(title: "Not allowed", detail: "Only managers, or the closer themself, may change a closer profile.", statusCode: StatusCodes.Status403Forbidden);
        var (body, errors) = await JsonBody.ReadAsync<CloserProfileRequest>(request, cancellationToken);
        if (errors is not null) return TypedResults.ValidationProblem(errors);
        var problems = CloserValidation.Profile(body!);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);

        // Field by field, so what other features keep in the closer sub-document (calendar feed, booked visits) stays.
        var update = Builders<CloserAccount>.Update
            .Set("closer.timeZone", body!.TimeZone!)
            .Set("closer.shift", new BsonDocument { { "days", new BsonArray(body.Shift!.Days!) }, { "start", body.Shift.Start! }, { "end", body.Shift.End! } })
            .Set("closer.openLeadCap", body.OpenLeadCap!.Value)
            .Set("closer.weight", body.Weight!.Value);
        var f = Builders<CloserAccount>.Filter;
        var account = await services.Accounts.FindOneAndUpdateAsync(f.Eq(a => a.Id, id) & f.Ne("closer", BsonNull.Value), update,
            new FindOneAndUpdateOptions<CloserAccount> { ReturnDocument = ReturnDocument.After }, cancellationToken)
            ?? await services.Accounts.FindOneAndUpdateAsync(f.Eq(a => a.Id, id),
                Builders<CloserAccount>.Update.Set(a => a.Closer, new CloserProfile
                {
                    TimeZone = body.TimeZone!, OpenLeadCap = body.OpenLeadCap.Value, Weight = body.Weight.Value,
                    Shift = new CloserShift { Days = body.Shift.Days!, Start = body.Shift.Start!, End = body.Shift.End! },
                }),
                new FindOneAndUpdateOptions<CloserAccount> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        if (account is null) return TypedResults.NotFound();
        RoutingLog.ProfileChanged(services.Logger, id, StaffClaims.UserId(user));
        var open = await services.Teams.OpenLeadsAsync([id], cancellationToken);
        return TypedResults.Ok(Describe(account, open.GetValueOrDefault(id), services.Now));
    }

    public static async Task<Results<Ok<CloserMetricsDto>, ValidationProblem>> MetricsAsync(string? from, string? to, RoutingServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var end = ParseDate(to, "to", errors) ?? services.Now;
        var start = ParseDate(from, "from", errors) ?? end - DefaultMetricsPeriod;
        if (errors.Count == 0 && start >= end) errors["from"] = ["Must be before to."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var result = await services.Metrics.RunAsync(start, end, cancellationToken);
        var ids = result.Closers.Select(c => c.UserId).Concat(result.Tasks.Keys).Distinct().ToList();
        var names = await services.Teams.NamesAsync(ids, cancellationToken);
        var empty = new SpeedStatistics(null, null, 0);
        var rows = ids.OrderBy(id => names.GetValueOrDefault(id, id.ToString()), StringComparer.Ordinal).Select(id =>
        {
            var speed = result.Closers.FirstOrDefault(c => c.UserId == id);
            var tasks = result.Tasks.GetValueOrDefault(id);
            return new CloserMetricsRow(id, names.GetValueOrDefault(id, id.ToString()), SpeedDto.From(speed?.SpeedToClaim ?? empty),
                SpeedDto.From(speed?.SpeedToFirstHumanContact ?? empty), tasks?.Open ?? 0, tasks?.Overdue ?? 0);
        }).ToList();
        var offerToDeal = await services.OfferToDeal.ComputeAsync(start, end, cancellationToken: cancellationToken);
        return TypedResults.Ok(new CloserMetricsDto(start, end, rows,
            [.. result.Sources.Select(s => new SourceMetricsRow(s.Source, SpeedDto.From(s.SpeedToClaim), SpeedDto.From(s.SpeedToFirstHumanContact)))],
            offerToDeal));
    }

    private static DateTime? ParseDate(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return parsed.UtcDateTime;
        errors[field] = ["Must be an ISO-8601 date or time."];
        return null;
    }

    private static CloserDto Describe(CloserAccount account, int openLeads, DateTime now)
    {
        var profile = account.Closer ?? new CloserProfile();
        return new CloserDto(account.Id, account.DisplayName, profile.TimeZone, ShiftDto.From(profile.Shift), profile.OpenLeadCap, profile.Weight,
            ShiftClock.IsOnShift(profile, now), openLeads, account.Closer is not null);
    }
}
