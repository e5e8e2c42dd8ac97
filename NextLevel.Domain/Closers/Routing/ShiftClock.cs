using System.Globalization;

namespace NextLevel.Domain.Closers.Routing;

/// <summary>Whether a closer is on shift at an instant, in the closer's own time zone.</summary>
public static class ShiftClock
{
    public static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static bool TryParseTime(string? value, out int minutes)
    {
        minutes = 0;
        if (value is null || !TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return false;
        minutes = time.Hour * 60 + time.Minute;
        return true;
    }

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="utc"/> falls in the shift; a profile with an unknown zone or malformed times is never on shift.</summary>
    public static bool IsOnShift(CloserProfile profile, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!TryFindZone(profile.TimeZone, out var zone)) return false;
        if (!TryParseTime(profile.Shift.Start, out var start) || !TryParseTime(profile.Shift.End, out var end)) return false;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var minute = local.Hour * 60 + local.Minute;
        var today = DayNames[(int)local.DayOfWeek];
        var yesterday = DayNames[((int)local.DayOfWeek + 6) % 7];
        var days = profile.Shift.Days;
        if (start == end) return days.Contains(today);
        if (start < end) return days.Contains(today) && minute >= start && minute < end;
        return (days.Contains(today) && minute >= start) || (days.Contains(yesterday) && minute < end);
    }
}
