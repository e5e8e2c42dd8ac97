using System.Text.Json.Serialization;

namespace NextLevel.Web.ApiClient.Closers;

/// <summary>A task on a lead (call back, site visit, send offer, follow up, other).</summary>
public sealed record LeadTask(
    string Id, string LeadId, string? LeadName, string? PropertyId, string Type, string Title, string? OwnerId, string? OwnerName,
    DateTimeOffset DueAt, string Priority, string Status, bool Overdue, string? Notes, string? Source, DateTimeOffset? CreatedAt, DateTimeOffset? CompletedAt);

public sealed record NewTask(string Type, string Title, DateTimeOffset DueAt, string Priority, string? OwnerId, string? Notes);

/// <summary>PATCH /api/tasks/{id}: only the fields given change.</summary>
public sealed record TaskPatch(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DueAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OwnerId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Priority = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Notes = null);

/// <summary>GET /api/tasks filters: owner "me" or a user id; null means any.</summary>
public sealed record TaskFilter(string? Owner = "me", string? Status = "open", bool? Overdue = null, string? Type = null, string? LeadId = null)
{
    public QueryString ToQuery() => new QueryString().Add("owner", Owner).Add("status", Status).Add("overdue", Overdue).Add("type", Type).Add("leadId", LeadId);
}

/// <summary>A site visit at the property.</summary>
public sealed record Appointment(
    string Id, string LeadId, string? LeadName, string? PropertyId, string? CloserId, string? CloserName, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int DurationMinutes, string? Address, string? SellerName, string Status, string? Notes);

public sealed record NewAppointment(DateTimeOffset StartsAt, int DurationMinutes, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CloserId, string? Notes);

public sealed record AppointmentPatch(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Notes);

public sealed record CalendarFeed(string Url);

/// <summary>GET /api/me/day: tasks due today or overdue, and today's visits in the closer's time zone.</summary>
public sealed record MyDay(IReadOnlyList<LeadTask> Tasks, IReadOnlyList<Appointment> Visits);
