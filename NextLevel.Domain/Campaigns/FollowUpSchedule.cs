using System.Globalization;

namespace NextLevel.Domain.Campaigns;

/// <summary>
/// When a new lead's first contact is due (lead.nextFollowUp), from the campaign's workflow.initialContact.timing
/// and its calling hours (in the campaign's IANA time zone):
/// <list type="bullet">
/// <item>within_5_minutes, within_15_minutes, within_1_hour (and unknown values): due at once (receivedAt); the
/// timing is the deadline, the worker starts right away and the compliance gate defers a call outside legal hours.</item>
/// <item>same_day: at once when inside today's calling window; before it, at the window's start; after it (or
/// on a day without a window), at the start of the next day's window.</item>
/// <item>next_business_day: the start of the calling window on the next Monday–Friday after the day of receipt
/// (local date), skipping weekdays without a window; 09:00 local when the campaign has no weekday window.</item>
/// </list>
/// </summary>
public static class FollowUpSchedule
{
    private static readonly TimeOnly DefaultStart = new(9, 0);

    public static DateTime FirstFollowUp(DateTime receivedAtUtc, InitialContact initialContact, CallingHours callingHours)
    {
        ArgumentNullException.ThrowIfNull(initialContact);
        ArgumentNullException.ThrowIfNull(callingHours);
        var received = DateTime.SpecifyKind(receivedAtUtc, DateTimeKind.Utc);
        return initialContact.Timing switch
        {
            "same_day" => SameDay(received, callingHours),
            "next_business_day" => NextBusinessDay(received, callingHours),
            _ => received,
        };
    }

    private static DateTime SameDay(DateTime received, CallingHours hours)
    {
        var zone = Zone(hours.Timezone);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(received, zone));
        if (Window(hours, localDate, zone) is { } today)
        {
            if (received < today.Start) return today.Start;
            if (received < today.End) return received;
        }
        for (var day = localDate.AddDays(1); day <= localDate.AddDays(7); day = day.AddDays(1))
        {
            if (Window(hours, day, zone) is { } next) return next.Start;
        }
        return received;
    }

    private static DateTime NextBusinessDay(DateTime received, CallingHours hours)
    {
        var zone = Zone(hours.Timezone);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(received, zone));
        DateOnly? firstWeekday = null;
        for (var day = localDate.AddDays(1); day <= localDate.AddDays(14); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            firstWeekday ??= day;
            if (Window(hours, day, zone) is { } window) return window.Start;
        }
        return ToUtc(firstWeekday!.Value, DefaultStart, zone);
    }

    private static (DateTime Start, DateTime End)? Window(CallingHours hours, DateOnly day, TimeZoneInfo zone)
    {
        if (hours.For(day.DayOfWeek) is not { } window) return null;
        if (!TimeOnly.TryParseExact(window.Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)) return null;
        if (!TimeOnly.TryParseExact(window.End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) || end <= start) return null;
        return (ToUtc(day, start, zone), ToUtc(day, end, zone));
    }

    private static DateTime ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        // A time skipped by a spring-forward change does not exist locally: take the same wall time an hour later.
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The campaign's zone; UTC when the stored id is not a known IANA zone (campaign validation prevents that).</summary>
    private static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
