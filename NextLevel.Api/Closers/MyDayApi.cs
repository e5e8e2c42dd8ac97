using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using NextLevel.Api.Identity;
using NextLevel.Domain.Closers.Appointments;
using NextLevel.Domain.Closers.Tasks;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Closers;

/// <summary>"My day": my open tasks due today or overdue, and my visits today, "today" in my own time zone.</summary>
public static class MyDayApi
{
    public static RouteGroupBuilder MapMyDayApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Closers: tasks").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/day", GetAsync).WithName("MyDay").WithSummary("My open tasks due by the end of today (overdue included) and my visits today, in my time zone.");
        return group;
    }

    public static async Task<Results<Ok<MyDay>, NotFound>> GetAsync(ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        var userId = StaffClaims.UserId(user);
        if (userId is null) return TypedResults.NotFound();
        var zone = await services.Calendars.TimeZoneAsync(userId, cancellationToken);
        var now = services.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var start = StartOf(today, zone);
        var end = StartOf(today.AddDays(1), zone);

        var match = new BsonDocument { { "ownerId", userId }, { "status", StoredEnum.Name(LeadTaskStatus.Open) }, { "dueAt", new BsonDocument("$lt", end) } };
        var leads = await services.Database.GetCollection<BsonDocument>(CollectionNames.Leads).Find(new BsonDocument("tasks", new BsonDocument("$elemMatch", match)))
            .Project(TaskViews.Projection()).Limit(TasksApi.MaxResults).ToListAsync(cancellationToken);
        var rows = leads.Select(d => BsonSerializer.Deserialize<Lead>(d))
            .SelectMany(l => l.Tasks.Where(t => t.OwnerId == userId && t.Status == LeadTaskStatus.Open && t.DueAt < end).Select(t => (l, t)))
            .OrderBy(r => r.t.DueAt);
        var tasks = await TaskViews.BuildAsync(rows, services.Calendars, now, cancellationToken);
        var visits = (await AppointmentsApi.VisitsAsync(services, userId, start, end, cancellationToken))
            .Where(v => v.Status != AppointmentStatus.Cancelled).ToList();
        return TypedResults.Ok(new MyDay(zone.Id, today, tasks, visits));
    }

    private static DateTime StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
