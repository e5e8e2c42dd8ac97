using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NextLevel.Domain.Closers.Appointments;

namespace NextLevel.Api.Closers;

/// <summary>
/// A closer's visits as an iCalendar (RFC 5545) document: one VEVENT per visit with a stable UID (the appointment id),
/// DTSTART/DTEND in UTC, SUMMARY "Site visit: &lt;street&gt;", LOCATION and STATUS.
/// </summary>
internal static class CalendarFeed
{
    public const string ProductId = "-//NextLevel//Site visits//EN";

    public static string Build(string calendarName, IEnumerable<AppointmentView> visits, DateTime stamp)
    {
        var calendar = new Calendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var visit in visits)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{visit.Id}@nextlevel",
                DtStamp = new CalDateTime(DateTime.SpecifyKind(stamp, DateTimeKind.Utc)),
                DtStart = new CalDateTime(DateTime.SpecifyKind(visit.StartsAt, DateTimeKind.Utc)),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(visit.EndsAt, DateTimeKind.Utc)),
                Summary = $"Site visit: {Street(visit.Address)}",
                Location = visit.Address,
                Description = $"Seller: {visit.SellerName}" + (string.IsNullOrWhiteSpace(visit.Notes) ? "" : $"\n{visit.Notes}"),
                Status = visit.Status == AppointmentStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The street part of a formatted address ("123 Main St, Seattle, WA 98101" → "123 Main St").</summary>
    public static string Street(string? address) =>
        string.IsNullOrWhiteSpace(address) ? "address to be confirmed" : address.Split(',', 2)[0].Trim();
}
