using MongoDB.Bson;
using NextLevel.Domain.Closers.Appointments;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Closers;

/// <summary>Builds <see cref="AppointmentView"/>s from leads, with closer names looked up once per answer.</summary>
internal static class AppointmentViews
{
    public static async Task<List<AppointmentView>> BuildAsync(IEnumerable<(Lead Lead, Appointment Visit)> rows, CloserCalendarStore staff, CancellationToken cancellationToken)
    {
        var list = rows.ToList();
        var names = await staff.NamesAsync(list.Select(r => r.Visit.CloserId), cancellationToken);
        return [.. list.Select(r => From(r.Lead, r.Visit, names.GetValueOrDefault(r.Visit.CloserId)))];
    }

    public static AppointmentView From(Lead lead, Appointment a, string? closerName) =>
        new(a.Id, lead.Id, LeadNames.Of(lead), lead.PropertyId, a.CloserId, closerName, a.StartsAt, a.EndsAt, a.DurationMinutes, a.Address,
            LeadNames.Of(lead), a.Status, a.Notes, a.CreatedAt);

    public static BsonDocument Projection() =>
        new() { { "_id", 1 }, { "contact.firstName", 1 }, { "contact.lastName", 1 }, { "propertyId", 1 }, { "appointments", 1 } };
}
