using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Extensions;
using NextLevel.Api.Identity;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Leads;

/// <summary>The staff lead API: list with filters and keyset pages, CSV export, detail with timeline, status/stage, notes, tags.</summary>
public static class LeadsApi
{
    public static void AddLeads(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<LeadServices>();
    }

    public static RouteGroupBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leads").WithTags("Leads").RequireAuthorization(StaffPolicies.Staff);

        group.MapGet("/", ListLeadsAsync).WithName("ListLeads")
            .WithSummary("Leads matching the filters, one keyset page at a time (cursor, limit ≤ 200); total only with total=true.");
        group.MapGet("/export.csv", LeadCsvExport.ExportAsync).WithName("ExportLeadsCsv")
            .WithSummary("The leads matching the same filters as the list, streamed as CSV.").Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/{id}", GetLeadAsync).WithName("GetLead").WithSummary("A lead with its property summary and timeline.");
        group.MapPatch("/{id}/status", ChangeStatusAsync).WithName("ChangeLeadStatus")
            .WithSummary("Change status and/or stage, as the lead lifecycle allows.").Accepts<LeadStatusChange>("application/json");
        group.MapPost("/{id}/notes", AddNoteAsync).WithName("AddLeadNote").WithSummary("Append a staff note to a lead.")
            .Accepts<NewLeadNote>("application/json");
        group.MapPut("/{id}/tags", SetTagsAsync).WithName("SetLeadTags").WithSummary("Replace a lead's tags.")
            .Accepts<LeadTagsRequest>("application/json");
        return group;
    }

    public static async Task<Results<Ok<LeadPage>, ValidationProblem>> ListLeadsAsync([AsParameters] LeadListRequest request, LeadServices services, CancellationToken cancellationToken)
    {
        var query = LeadListQuery.Parse(request, out var errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var rows = await services.Leads.Find(query.PageFilter()).Sort(query.Sort.SortDocument()).Limit(query.Limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(query.Limit).ToList();
        var next = rows.Count > query.Limit ? LeadCursor.Encode(query.Sort, query.Sort.ValuesOf(page[^1])) : null;
        long? total = query.IncludeTotal ? await LeadTotals.CountAsync(services.Leads, query.Filter, cancellationToken) : null;
        return TypedResults.Ok(new LeadPage([.. page.Select(LeadSummary.From)], next, total));
    }

    public static async Task<Results<Ok<LeadDetail>, NotFound>> GetLeadAsync(string id, LeadServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var leadId)) return TypedResults.NotFound();
        var lead = await services.Leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        if (lead is null) return TypedResults.NotFound();

        var propertyTask = lead.PropertyId is { } propertyId
            ? services.Properties.Find(p => p.Id == propertyId).FirstOrDefaultAsync(cancellationToken)
            : Task.FromResult<Domain.Properties.Property>(null!);
        var timeline = await new LeadTimelineQuery(services.Database).ForLeadAsync(leadId, cancellationToken) ?? [];
        var property = await propertyTask;
        return TypedResults.Ok(new LeadDetail(lead, property is null ? null : PropertySummary.From(property), timeline));
    }

    public static async Task<Results<Ok<LeadSummary>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        string id, HttpRequest request, ClaimsPrincipal user, LeadServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var leadId)) return TypedResults.NotFound();
        var (change, bodyErrors) = await JsonBody.ReadAsync<LeadStatusChange>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
        if (change!.Status is null && change.Stage is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Give a status, a stage or both."] });

        var lead = await services.Leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        if (lead is null) return TypedResults.NotFound();
        var rules = LeadLifecycle.Check(lead.Status, lead.Stage, change.Status, change.Stage);
        if (rules.Count > 0) return TypedResults.ValidationProblem(rules);

        var status = change.Status ?? lead.Status;
        var stage = change.Stage ?? lead.Stage;
        var userId = StaffClaims.UserId(user);
        // Only if nobody changed the lead meanwhile, so a concurrent change cannot skip the lifecycle check.
        var updated = await services.Leads.FindOneAndUpdateAsync<Lead>(
            l => l.Id == leadId && l.Status == lead.Status && l.Stage == lead.Stage,
            Builders<Lead>.Update.Set(l => l.Status, status).Set(l => l.Stage, stage)
                .Set(l => l.UpdatedAt, services.Clock.GetUtcNow().UtcDateTime).Set(l => l.UpdatedBy, userId ?? "staff"),
            new FindOneAndUpdateOptions<Lead> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        if (updated is null)
            return TypedResults.Problem(title: "The lead changed meanwhile", detail: "Reload the lead and try again.", statusCode: StatusCodes.Status409Conflict);
        LeadsLog.StatusChanged(services.Logger, leadId, StoredEnum.Name(status), StoredEnum.Name(stage), userId);
        return TypedResults.Ok(LeadSummary.From(updated));
    }

    public static async Task<Results<Created<LeadNote>, NotFound, ValidationProblem>> AddNoteAsync(
        string id, HttpRequest request, ClaimsPrincipal user, LeadServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var leadId)) return TypedResults.NotFound();
        var (body, bodyErrors) = await JsonBody.ReadAsync<NewLeadNote>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
        if (string.IsNullOrWhiteSpace(body!.Text) || body.Text.Length > 4000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["A note is 1 to 4000 characters."] });

        var now = services.Clock.GetUtcNow().UtcDateTime;
        var note = new LeadNote
        {
            NoteId = ObjectId.GenerateNewId(),
            At = now,
            AuthorId = StaffClaims.UserId(user) ?? "staff",
            AuthorName = user.FindFirst(StaffClaims.Name)?.Value ?? user.Identity?.Name,
            Text = body.Text.Trim(),
        };
        var result = await services.Leads.UpdateOneAsync(l => l.Id == leadId,
            Builders<Lead>.Update.Push(l => l.Notes, note).Set(l => l.UpdatedAt, now).Set(l => l.UpdatedBy, note.AuthorId), cancellationToken: cancellationToken);
        return result.MatchedCount == 0 ? TypedResults.NotFound() : TypedResults.Created($"/api/leads/{leadId}", note);
    }

    public static async Task<Results<Ok<IReadOnlyList<string>>, NotFound, ValidationProblem>> SetTagsAsync(
        string id, HttpRequest request, ClaimsPrincipal user, LeadServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var leadId)) return TypedResults.NotFound();
        var (body, bodyErrors) = await JsonBody.ReadAsync<LeadTagsRequest>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
        if (body!.Tags is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tags"] = ["Tags are required (an empty list clears them)."] });

        var tags = body.Tags.Select(LeadTags.Normalise).ToList();
        if (tags.Any(t => t is null)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tags"] = [LeadTags.Rule] });
        List<string> distinct = [.. tags.OfType<string>().Distinct(StringComparer.Ordinal)];
        if (distinct.Count > LeadTags.MaxTags)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tags"] = [$"At most {LeadTags.MaxTags} tags."] });

        var result = await services.Leads.UpdateOneAsync(l => l.Id == leadId,
            Builders<Lead>.Update.Set(l => l.Tags, distinct).Set(l => l.UpdatedAt, services.Clock.GetUtcNow().UtcDateTime)
                .Set(l => l.UpdatedBy, StaffClaims.UserId(user) ?? "staff"), cancellationToken: cancellationToken);
        return result.MatchedCount == 0 ? TypedResults.NotFound() : TypedResults.Ok<IReadOnlyList<string>>(distinct);
    }
}
