using MongoDB.Bson;
using NextLevel.Domain.Closers.Tasks;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Closers;

/// <summary>Builds <see cref="TaskView"/>s from leads, with owner names looked up once per answer.</summary>
internal static class TaskViews
{
    public static async Task<List<TaskView>> BuildAsync(IEnumerable<(Lead Lead, LeadTask Task)> rows, CloserCalendarStore staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var list = rows.ToList();
        var names = await staff.NamesAsync(list.Select(r => r.Task.OwnerId), cancellationToken);
        return [.. list.Select(r => From(r.Lead, r.Task, names.GetValueOrDefault(r.Task.OwnerId ?? ""), now))];
    }

    public static TaskView From(Lead lead, LeadTask t, string? ownerName, DateTimeOffset now) =>
        new(t.Id, lead.Id, LeadNames.Of(lead), t.PropertyId ?? lead.PropertyId, t.Type, t.Title, t.OwnerId, ownerName, t.DueAt, t.Priority, t.Status,
            TaskRules.IsOverdue(t, now), t.Notes, t.Source, t.CallId, t.CreatedAt, t.CompletedAt, t.RemindedAt);

    /// <summary>The task fields a list reads from a lead (and nothing else, so personal data stays in the database).</summary>
    public static readonly string[] LeadFields = ["_id", "contact.firstName", "contact.lastName", "propertyId", "tasks"];

    public static BsonDocument Projection() => new(LeadFields.Select(f => new BsonElement(f, 1)));
}
