namespace NextLevel.Domain.Campaigns;

/// <summary>
/// The campaign's own calling hours (<see cref="CallingHours"/>) as instants: the first moment at or after a given
/// time that lies inside a window, in the campaign's time zone, across daylight-saving changes. The compliance gate
/// still narrows this to the law's window in the callee's local time; this is only the campaign's preference.
/// </summary>
public static class CallingSchedule
{
    /// <summary>How far ahead a window is searched; a week covers every weekday.</summary>
    private const int SearchDays = 8;

    /// <summary>The first instant at or after <paramref name="at"/> inside the calling hours; null when no day has a window.</summary>
    public static DateTimeOffset? NextOpen(CallingHours hours, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var zone = Zone(hours.Timezone);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        for (var day = 0; day < SearchDays; day++)
        {
            var date = localDate.AddDays(day);
            if (hours.For(date.DayOfWeek) is not { } window) continue;
            if (!TryParse(window.Start, out var start) || !TryParse(window.End, out var end) || end <= start) continue;
            var opens = ToInstant(date, start, zone);
            var closes = ToInstant(date, end, zone);
            if (at >= closes) continue;
            return at > opens ? at : opens;
        }
        return null;
    }

    /// <summary>True when <paramref name="at"/> lies inside the calling hours.</summary>
    public static bool IsOpen(CallingHours hours, DateTimeOffset at) => NextOpen(hours, at) == at;

    /// <summary>The campaign's calendar day of an instant (budgets per day are counted on it).</summary>
    public static DateOnly LocalDate(CallingHours hours, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone(hours.Timezone)).DateTime);
    }

    /// <summary>Midnight that starts the next calendar day in the campaign's zone.</summary>
    public static DateTimeOffset StartOfNextDay(CallingHours hours, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var zone = Zone(hours.Timezone);
        return ToInstant(LocalDate(hours, at).AddDays(1), TimeOnly.MinValue, zone);
    }

    /// <summary>The IANA zone; an unknown name falls back to UTC rather than stopping every follow-up.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>A local wall-clock time as an instant. A time skipped by a spring-forward change moves to the first
    /// valid minute after it; a repeated time in autumn takes its first occurrence.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);
}
