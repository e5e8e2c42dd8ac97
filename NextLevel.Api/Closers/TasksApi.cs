using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using NextLevel.Api.Extensions;
using NextLevel.Api.Identity;
using NextLevel.Domain.Closers.Tasks;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Closers;

/// <summary>
/// Closers' tasks (leads.tasks): lists with filters, creation by hand, changes. A call-back is never due outside the
/// callee's legal calling window (<see cref="ComplianceGate.CallBackTime"/>).
/// </summary>
public static class TasksApi
{
    public const int MaxResults = 500;

    public static void AddClosing(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CloserCalendarStore>();
        builder.Services.AddSingleton<ClosingServices>();
        builder.Services.AddSingleton<CallOutcomeTasks>();
    }

    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Closers: tasks").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/tasks", ListTasksAsync).WithName("ListTasks")
            .WithSummary("Tasks by owner (me or a user id), status, overdue, type and lead; earliest due first (at most 500).");
        group.MapPost("/leads/{id}/tasks", CreateTaskAsync).WithName("CreateTask").Accepts<NewTaskRequest>("application/json")
            .WithSummary("Add a task to a lead; a call-back must be due inside the callee's legal calling window.");
        group.MapPatch("/tasks/{taskId}", ChangeTaskAsync).WithName("ChangeTask").Accepts<TaskChangeRequest>("application/json")
            .WithSummary("Change a task's status, due time, owner, priority or notes.");
        return group;
    }

    public static async Task<Results<Ok<List<TaskView>>, ValidationProblem>> ListTasksAsync(
        string? owner, string? status, bool? overdue, string? type, string? leadId, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var now = services.Clock.GetUtcNow();
        var match = new BsonDocument();
        if (owner is not null)
        {
            var ownerId = owner == "me" ? StaffClaims.UserId(user) : owner;
            if (!ObjectId.TryParse(ownerId, out _)) errors["owner"] = ["Use me or a staff user id."];
            else match["ownerId"] = ownerId;
        }
        if (status is not null)
        {
            if (!StoredEnumParser<LeadTaskStatus>.TryParse(status, out var s)) errors["status"] = [$"Must be one of {StoredEnumParser<LeadTaskStatus>.Allowed}."];
            else match["status"] = StoredEnum.Name(s);
        }
        if (type is not null)
        {
            if (!StoredEnumParser<LeadTaskType>.TryParse(type, out var t)) errors["type"] = [$"Must be one of {StoredEnumParser<LeadTaskType>.Allowed}."];
            else match["type"] = StoredEnum.Name(t);
        }
        if (overdue == true)
        {
            if (match.Contains("status") && match["status"] != StoredEnum.Name(LeadTaskStatus.Open)) errors["overdue"] = ["Only open tasks are overdue."];
            match["status"] = StoredEnum.Name(LeadTaskStatus.Open);
            match["dueAt"] = new BsonDocument("$lt", now.UtcDateTime);
        }
        var filter = new BsonDocument();
        if (leadId is not null)
        {
            if (!ObjectId.TryParse(leadId, out var lid)) errors["leadId"] = ["Not a lead id."];
            else filter["_id"] = lid;
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        filter["tasks"] = new BsonDocument("$elemMatch", match);

        var leads = await services.Database.GetCollection<BsonDocument>(CollectionNames.Leads).Find(filter)
            .Project(TaskViews.Projection()).Limit(MaxResults).ToListAsync(cancellationToken);
        var rows = leads.Select(d => BsonSerializer.Deserialize<Lead>(d))
            .SelectMany(l => l.Tasks.Where(t => Matches(t, match, now)).Select(t => (l, t)))
            .OrderBy(r => r.t.DueAt).Take(MaxResults);
        return TypedResults.Ok(await TaskViews.BuildAsync(rows, services.Calendars, now, cancellationToken));
    }

    public static async Task<Results<Created<TaskView>, NotFound, ValidationProblem>> CreateTaskAsync(
        string id, HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var leadId)) return TypedResults.NotFound();
        var (body, bodyErrors) = await JsonBody.ReadAsync<NewTaskRequest>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
        var userId = StaffClaims.UserId(user) ?? "staff";
        var errors = new Dictionary<string, string[]>();
        if (body!.Type is null) errors["type"] = [$"Type is required: {StoredEnumParser<LeadTaskType>.Allowed}."];
        var title = body.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > TaskRules.MaxTitleLength) errors["title"] = [$"A title is 1 to {TaskRules.MaxTitleLength} characters."];
        if (body.DueAt is null) errors["dueAt"] = ["The due time is required (ISO-8601)."];
        if (body.Notes is { Length: > TaskRules.MaxNotesLength }) errors["notes"] = [$"Notes are at most {TaskRules.MaxNotesLength} characters."];
        var ownerId = body.OwnerId ?? (ObjectId.TryParse(userId, out _) ? userId : null);
        if (ownerId is not null && !await services.Calendars.ExistsAsync(ownerId, cancellationToken)) errors["ownerId"] = ["Not a staff user."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var lead = await services.Leads.Find(l => l.Id == leadId).FirstOrDefaultAsync(cancellationToken);
        if (lead is null) return TypedResults.NotFound();
        var due = body.DueAt!.Value;
        if (body.Type == LeadTaskType.CallBack && await CallBackProblemAsync(services, leadId, due, cancellationToken) is { } problem)
            return problem;

        var now = services.Now;
        var task = new LeadTask
        {
            Id = ObjectId.GenerateNewId(), Type = body.Type!.Value, Title = title!, OwnerId = ownerId, DueAt = due.UtcDateTime,
            Priority = body.Priority ?? LeadTaskPriority.Normal, Notes = body.Notes?.Trim(), PropertyId = lead.PropertyId,
            Source = LeadTaskSource.Manual, CreatedAt = now, CreatedBy = userId,
        };
        var result = await services.Leads.UpdateOneAsync(l => l.Id == leadId,
            Builders<Lead>.Update.Push(l => l.Tasks, task).Set(l => l.UpdatedAt, now).Set(l => l.UpdatedBy, userId), cancellationToken: cancellationToken);
        if (result.MatchedCount == 0) return TypedResults.NotFound();
        ClosingLog.TaskChanged(services.Logger, task.Id, leadId, "created", userId);
        var names = await services.Calendars.NamesAsync([ownerId], cancellationToken);
        return TypedResults.Created($"/api/tasks/{task.Id}", TaskViews.From(lead, task, names.GetValueOrDefault(ownerId ?? ""), services.Clock.GetUtcNow()));
    }

    public static async Task<Results<Ok<TaskView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeTaskAsync(
        string taskId, HttpRequest request, ClaimsPrincipal user, ClosingServices services, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(taskId, out var tid)) return TypedResults.NotFound();
        var (body, bodyErrors) = await JsonBody.ReadAsync<TaskChangeRequest>(request, cancellationToken);
        if (bodyErrors is not null) return TypedResults.ValidationProblem(bodyErrors);
        var lead = await services.Leads.Find(Builders<Lead>.Filter.ElemMatch(l => l.Tasks, t => t.Id == tid)).FirstOrDefaultAsync(cancellationToken);
        var task = lead?.Tasks.FirstOrDefault(t => t.Id == tid);
        if (lead is null || task is null) return TypedResults.NotFound();

        var errors = new Dictionary<string, string[]>();
        if (body!.Notes is { Length: > TaskRules.MaxNotesLength }) errors["notes"] = [$"Notes are at most {TaskRules.MaxNotesLength} characters."];
        if (body.OwnerId is not null && !await services.Calendars.ExistsAsync(body.OwnerId, cancellationToken)) errors["ownerId"] = ["Not a staff user."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (body.Status is { } to && !TaskRules.CanMove(task.Status, to))
            return TypedResults.Problem(title: "Illegal task status change", statusCode: StatusCodes.Status409Conflict,
                detail: $"A task that is {StoredEnum.Name(task.Status)} cannot become {StoredEnum.Name(to)}.");
        if (body.DueAt is { } due && task.Type == LeadTaskType.CallBack && await CallBackProblemAsync(services, lead.Id, due, cancellationToken) is { } problem)
            return problem;

        var now = services.Now;
        var userId = StaffClaims.UserId(user) ?? "staff";
        var update = new BsonDocument { { "updatedAt", now }, { "updatedBy", userId } };
        if (body.Status is { } status && status != task.Status)
        {
            update["tasks.$.status"] = StoredEnum.Name(status);
            update["tasks.$.completedAt"] = status == LeadTaskStatus.Open ? BsonNull.Value : now;
        }
        if (body.DueAt is { } newDue)
        {
            update["tasks.$.dueAt"] = newDue.UtcDateTime;
            update["tasks.$.remindedAt"] = BsonNull.Value;
        }
        if (body.OwnerId is not null) update["tasks.$.ownerId"] = body.OwnerId;
        if (body.Priority is { } priority) update["tasks.$.priority"] = StoredEnum.Name(priority);
        if (body.Notes is not null) update["tasks.$.notes"] = body.Notes.Trim();

        // Only if the task's status is still what the rule was checked against.
        var filter = new BsonDocument { { "_id", lead.Id }, { "tasks", new BsonDocument("$elemMatch", new BsonDocument { { "_id", tid }, { "status", StoredEnum.Name(task.Status) } }) } };
        var updated = await services.Database.GetCollection<BsonDocument>(CollectionNames.Leads).FindOneAndUpdateAsync(filter,
            new BsonDocument("$set", update), new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After, Projection = TaskViews.Projection() }, cancellationToken);
        if (updated is null)
            return TypedResults.Problem(title: "The task changed meanwhile", detail: "Reload the task and try again.", statusCode: StatusCodes.Status409Conflict);
        ClosingLog.TaskChanged(services.Logger, tid, lead.Id, "changed", userId);
        var after = BsonSerializer.Deserialize<Lead>(updated);
        var changed = after.Tasks.First(t => t.Id == tid);
        var names = await services.Calendars.NamesAsync([changed.OwnerId], cancellationToken);
        return TypedResults.Ok(TaskViews.From(after, changed, names.GetValueOrDefault(changed.OwnerId ?? ""), services.Clock.GetUtcNow()));
    }

    /// <summary>A 400 naming the next allowed time when <paramref name="due"/> is outside the callee's legal window.</summary>
    internal static async Task<ValidationProblem?> CallBackProblemAsync(ClosingServices services, ObjectId leadId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var facts = await services.Compliance.ReadFactsAsync(leadId, due, cancellationToken);
        var window = ComplianceGate.CallBackTime(facts, due);
        if (window.Allowed) return null;
        var next = window.NextAllowed?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var message = next is null
            ? $"The callee may not be called back at that time and no allowed time was found soon: {string.Join(" ", window.Reasons)}"
            : $"The callee may not be called at that time; the next allowed time is {next}. {string.Join(" ", window.Reasons)}";
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dueAt"] = [message] },
            extensions: new Dictionary<string, object?> { ["nextAllowedAt"] = next });
    }

    private static bool Matches(LeadTask task, BsonDocument match, DateTimeOffset now) =>
        (!match.Contains("ownerId") || task.OwnerId == match["ownerId"].AsString)
        && (!match.Contains("status") || StoredEnum.Name(task.Status) == match["status"].AsString)
        && (!match.Contains("type") || StoredEnum.Name(task.Type) == match["type"].AsString)
        && (!match.Contains("dueAt") || task.DueAt < now.UtcDateTime);
}
