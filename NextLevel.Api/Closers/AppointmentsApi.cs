using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using NextLevel.Api.Extensions;
using NextLevel.Api.Identity;
using NextLevel.Domain.Closers.Appointments;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Closers;

/// <summary>
/// Site visits (leads.appointments): booking refuses a slot overlapping the closer's other visits (atomically, on the
/// closer's staff user), moves the lead to site_visit, and lists and changes visits.
/// </summary>
public static class AppointmentsApi
{
    public const int MaxRangeDays = 366;

    public static RouteGroupBuilder MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Closers: site visits").RequireAuthorization(StaffPolicies.Staff);
        group.MapPost("/leads/{id}/appointments", BookAsync).WithName("BookSiteVisit").Accepts<NewAppointmentRequest>("application/json")
            .WithSummary("Book a site visit for a lead with a closer (409 when it overlaps the closer's other visits).");
        group.MapGet("/appointments", ListAsync).WithName("ListSiteVisits")
            .WithSummary("Visits of a closer (me or a user id, all closers when omitted) starting in [from, to); default the next 30 days.");
        group.MapPatch("/appointments/{id}", ChangeAsync).WithName("ChangeSiteVisit").Accepts<AppointmentChangeRequest>("application/json")
            .WithSummary("Mark a visit completed, cancelled or no-show, or change its notes.");
        return group;
    }

    public static async Task<Results<Created<AppointmentView>, NotFound, ValidationProblem, ProblemHttpResult>> BookAsync(
        string id, HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var leadId)) return TypedResults.NotFound();
        var (body, bodyErrors) = await JsonBody.ReadAsync<NewAppointmentRequest>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
        var userId = StaffClaims.UserId(user) ?? "staff";
        var errors = new Dictionary<string, string[]>();
        if (body!.StartsAt is null) errors["startsAt"] = ["The start time is required (ISO-8601)."];
        else if (body.StartsAt.Value < services.Clock.GetUtcNow()) errors["startsAt"] = ["A visit cannot start in the past."];
        var duration = body.DurationMinutes ?? 60;
        if (duration is < AppointmentRules.MinDurationMinutes or > AppointmentRules.MaxDurationMinutes)
            errors["durationMinutes"] = [$"A visit lasts {AppointmentRules.MinDurationMinutes} to {AppointmentRules.MaxDurationMinutes} minutes."];
        if (body.Notes is { Length: > 4000 }) errors["notes"] = ["Notes are at most 4000 characters."];
        var closerId = body.CloserId ?? userId;
        if (!await services.Calendars.ExistsAsync(closerId, cancellationToken)) errors["closerId"] = ["Not a staff user."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var lead = await services.Leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        if (lead is null) return TypedResults.NotFound();
        if (LeadStageMoves.Blocker(lead, LeadStage.SiteVisit) is { } blocker)
            return TypedResults.Problem(title: "The lead cannot get a visit", detail: blocker, statusCode: StatusCodes.Status409Conflict);

        var now = services.Now;
        var starts = body.StartsAt!.Value.UtcDateTime;
        var visit = new Appointment
        {
            Id = ObjectId.GenerateNewId(), CloserId = closerId, StartsAt = starts, EndsAt = starts.AddMinutes(duration), DurationMinutes = duration,
            Address = await AddressAsync(services, lead, cancellationToken), Notes = body.Notes?.Trim(), CreatedAt = now, CreatedBy = userId,
        };
        if (!await services.Calendars.TryBookAsync(closerId, new BookedVisit(visit.Id, visit.StartsAt, visit.EndsAt), cancellationToken))
            return TypedResults.Problem(title: "The closer is booked then", statusCode: StatusCodes.Status409Conflict,
                detail: "The visit overlaps another visit of the same closer; pick another time or closer.");
        try
        {
            var result = await services.Leads.UpdateOneAsync(l => l.Id == leadId,
                Builders<Lead>.Update.Push(l => l.Appointments, visit).Set(l => l.UpdatedAt, now).Set(l => l.UpdatedBy, userId), cancellationToken: cancellationToken);
            if (result.MatchedCount == 0)
            {
                await services.Calendars.ReleaseAsync(closerId, visit.Id, CancellationToken.None);
                return TypedResults.NotFound();
            }
        }
        catch
        {
            await services.Calendars.ReleaseAsync(closerId, visit.Id, CancellationToken.None);
            throw;
        }
        await LeadStageMoves.AdvanceAsync(services.Leads, lead, LeadStage.SiteVisit, userId, now, cancellationToken);
        ClosingLog.VisitChanged(services.Logger, visit.Id, leadId, "booked", closerId);
        var names = await services.Calendars.NamesAsync([closerId], cancellationToken);
        return TypedResults.Created($"/api/appointments/{visit.Id}", AppointmentViews.From(lead, visit, names.GetValueOrDefault(closerId)));
    }

    public static async Task<Results<Ok<List<AppointmentView>>, ValidationProblem>> ListAsync(
        string? closerId, DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        var closer = closerId == "me" ? StaffClaims.UserId(user) : closerId;
        var start = from ?? services.Clock.GetUtcNow().AddDays(-1);
        var end = to ?? start.AddDays(30);
        var errors = new Dictionary<string, string[]>();
        if (closer is not null && !ObjectId.TryParse(closer, out _)) errors["closerId"] = ["Use me or a staff user id."];
        if (end <= start) errors["to"] = ["to must be after from."];
        else if (end - start > TimeSpan.FromDays(MaxRangeDays)) errors["to"] = [$"At most {MaxRangeDays} days at a time."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await VisitsAsync(services, closer, start.UtcDateTime, end.UtcDateTime, cancellationToken));
    }

    internal static async Task<List<AppointmentView>> VisitsAsync(ClosingServices services, string? closerId, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var match = new BsonDocument("startsAt", new BsonDocument { { "$gte", start }, { "$lt", end } });
        if (closerId is not null) match["closerId"] = closerId;
        var leads = await services.Database.GetCollection<BsonDocument>(CollectionNames.Leads)
            .Find(new BsonDocument("appointments", new BsonDocument("$elemMatch", match))).Project(AppointmentViews.Projection()).Limit(2000).ToListAsync(cancellationToken);
        var rows = leads.Select(d => BsonSerializer.Deserialize<Lead>(d))
            .SelectMany(l => l.Appointments.Where(a => a.StartsAt >= start && a.StartsAt < end && (closerId is null || a.CloserId == closerId)).Select(a => (l, a)))
            .OrderBy(r => r.a.StartsAt);
        return await AppointmentViews.BuildAsync(rows, services.Calendars, cancellationToken);
    }

    public static async Task<Results<Ok<AppointmentView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string id, HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var visitId)) return TypedResults.NotFound();
        var (body, bodyErrors) = await JsonBody.ReadAsync<AppointmentChangeRequest>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
        if (body!.Notes is { Length: > 4000 }) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["notes"] = ["Notes are at most 4000 characters."] });
        var lead = await services.Leads.Find(Builders<Lead>.Filter.ElemMatch(l => l.Appointments, a => a.Id == visitId)).FirstOrDefaultAsync(cancellationToken);
        var visit = lead?.Appointments.FirstOrDefault(a => a.Id == visitId);
        if (lead is null || visit is null) return TypedResults.NotFound();
        if (body.Status is { } to && !AppointmentRules.CanMove(visit.Status, to))
            return TypedResults.Problem(title: "Illegal visit status change", statusCode: StatusCodes.Status409Conflict,
                detail: $"A visit that is {StoredEnum.Name(visit.Status)} cannot become {StoredEnum.Name(to)}.");

        var now = services.Now;
        var userId = StaffClaims.UserId(user) ?? "staff";
        var set = new BsonDocument { { "updatedAt", now }, { "updatedBy", userId } };
        if (body.Status is { } status) set["appointments.$.status"] = StoredEnum.Name(status);
        if (body.Notes is not null) set["appointments.$.notes"] = body.Notes.Trim();
        var filter = new BsonDocument { { "_id", lead.Id }, { "appointments", new BsonDocument("$elemMatch", new BsonDocument { { "_id", visitId }, { "status", StoredEnum.Name(visit.Status) } }) } };
        var updated = await services.Database.GetCollection<BsonDocument>(CollectionNames.Leads).FindOneAndUpdateAsync(filter, new BsonDocument("$set", set),
            new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After, Projection = AppointmentViews.Projection() }, cancellationToken);
        if (updated is null)
            return TypedResults.Problem(title: "The visit changed meanwhile", detail: "Reload the visit and try again.", statusCode: StatusCodes.Status409Conflict);
        if (body.Status is { } s && !AppointmentRules.HoldsSlot(s)) await services.Calendars.ReleaseAsync(visit.CloserId, visitId, cancellationToken);
        ClosingLog.VisitChanged(services.Logger, visitId, lead.Id, "changed", visit.CloserId);
        var after = BsonSerializer.Deserialize<Lead>(updated);
        var names = await services.Calendars.NamesAsync([visit.CloserId], cancellationToken);
        return TypedResults.Ok(AppointmentViews.From(after, after.Appointments.First(a => a.Id == visitId), names.GetValueOrDefault(visit.CloserId)));
    }

    private static async Task<string?> AddressAsync(ClosingServices services, Lead lead, CancellationToken cancellationToken)
    {
        if (lead.PropertyId is { } propertyId)
        {
            var formatted = await services.Properties.Find(p => p.Id == propertyId).Project(p => p.Address.Formatted).FirstOrDefaultAsync(cancellationToken);
            if (!string.IsNullOrEmpty(formatted)) return formatted;
        }
        return lead.PropertyAddress;
    }
}
