using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NextLevel.Api.Identity;

namespace NextLevel.Api.Closers;

/// <summary>
/// The per-closer iCalendar feed at a secret URL (for Google Calendar or Outlook subscriptions): staff fetch or rotate
/// their link; the feed itself is anonymous and answers 404 to a wrong secret.
/// </summary>
public static class CalendarFeedApi
{
    /// <summary>The feed covers visits from this many days back to <see cref="DaysAhead"/> ahead.</summary>
    public const int DaysBack = 90;
    public const int DaysAhead = 365;

    public static void MapCalendarFeedApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me/calendar-feed").WithTags("Closers: site visits").RequireAuthorization(StaffPolicies.Staff);
        me.MapGet("/", GetLinkAsync).WithName("GetCalendarFeedLink").WithSummary("The secret URL of my visits' iCalendar feed (created on first call).");
        me.MapPost("/rotate", RotateAsync).WithName("RotateCalendarFeedLink").WithSummary("A new secret URL; the old one stops working.");
        app.MapGet("/calendar/{userId}/{secret}.ics", FeedAsync).WithTags("Closers: site visits").WithName("CalendarFeed").AllowAnonymous()
            .WithSummary("A closer's visits as text/calendar (RFC 5545).").Produces(StatusCodes.Status200OK, contentType: "text/calendar");
    }

    public static Task<Results<Ok<CalendarFeedLink>, NotFound>> GetLinkAsync(HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken) =>
        LinkAsync(request, user, services, rotate: false, cancellationToken);

    public static Task<Results<Ok<CalendarFeedLink>, NotFound>> RotateAsync(HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken) =>
        LinkAsync(request, user, services, rotate: true, cancellationToken);

    public static async Task<Results<ContentHttpResult, NotFound>> FeedAsync(string userId, string secret, ClosingServices services, CancellationToken cancellationToken)
    {
        if (!await services.Calendars.VerifyFeedSecretAsync(userId, secret, cancellationToken)) return TypedResults.NotFound();
        var now = services.Now;
        var visits = await AppointmentsApi.VisitsAsync(services, userId, now.AddDays(-DaysBack), now.AddDays(DaysAhead), cancellationToken);
        var names = await services.Calendars.NamesAsync([userId], cancellationToken);
        var body = CalendarFeed.Build($"Site visits: {names.GetValueOrDefault(userId, "closer")}", visits, now);
        return TypedResults.Content(body, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<Results<Ok<CalendarFeedLink>, NotFound>> LinkAsync(HttpRequest request, ClaimsPrincipal user, ClosingServices services, bool rotate, CancellationToken cancellationToken)
    {
        var userId = StaffClaims.UserId(user);
        if (userId is null || await services.Calendars.FeedSecretAsync(userId, rotate, cancellationToken) is not { } secret) return TypedResults.NotFound();
        return TypedResults.Ok(new CalendarFeedLink($"{request.Scheme}://{request.Host}{request.PathBase}/calendar/{userId}/{secret}.ics"));
    }
}
