using System.Globalization;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Closers;

/// <summary>The browser's datetime-local and date inputs ("2026-03-05T14:00", "2026-03-05") read in the user's time zone.</summary>
public static class LocalTime
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm";
    private const string DateFormat = "yyyy-MM-dd";

    public static string ToInput(DateTimeOffset value, UserTimeZone zone) => zone.ToLocal(value).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public static string ToDateInput(DateTimeOffset value, UserTimeZone zone) => zone.ToLocal(value).ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text, UserTimeZone zone)
    {
        if (!DateTime.TryParseExact(text, [DateTimeFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.Zone), TimeSpan.Zero);
    }

    public static DateTimeOffset? ParseDate(string? text, UserTimeZone zone) =>
        DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? zone.StartOfDay(day) : null;
}
