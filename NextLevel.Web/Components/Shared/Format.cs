using System.Globalization;

namespace NextLevel.Web.Components.Shared;

/// <summary>Numbers, money, percentages and durations as people read them in the US (US dollars, 12-hour clock).</summary>
public static class Format
{
    // The services run with invariant globalization (no ICU), so the US conventions are set on the invariant culture.
    private static readonly CultureInfo Us = CreateUsCulture();

    private static CultureInfo CreateUsCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.CurrencySymbol = "$";
        culture.NumberFormat.CurrencyPositivePattern = 0;
        culture.NumberFormat.CurrencyNegativePattern = 1;
        culture.NumberFormat.PercentPositivePattern = 1;
        culture.NumberFormat.PercentNegativePattern = 1;
        return CultureInfo.ReadOnly(culture);
    }

    public static string Money(double? value) => value is { } v ? v.ToString(Math.Abs(v) >= 1000 ? "C0" : "C2", Us) : "—";

    public static string Number(double? value) => value is { } v ? v.ToString(v % 1 == 0 ? "N0" : "N1", Us) : "—";

    public static string Number(long? value) => value is { } v ? v.ToString("N0", Us) : "—";

    public static string Percent(double? ratio) => ratio is { } v ? v.ToString("P1", Us) : "—";

    public static string Score(double? score) => score is { } v ? v.ToString("0.00", Us) : "—";

    public static string Seconds(double? seconds)
    {
        if (seconds is not { } s) return "—";
        var span = TimeSpan.FromSeconds(Math.Round(s));
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : span.TotalMinutes >= 1 ? $"{span.Minutes} min {span.Seconds} s" : $"{span.Seconds} s";
    }

    public static string DateTime(DateTimeOffset? value, UserTimeZone zone) =>
        value is { } v ? zone.ToLocal(v).ToString("MMM d, yyyy h:mm tt", Us) : "—";

    public static string Date(DateTimeOffset? value, UserTimeZone zone) =>
        value is { } v ? zone.ToLocal(v).ToString("MMM d, yyyy", Us) : "—";

    /// <summary>Change versus the previous period: "+12.5%", or null when there is nothing to compare.</summary>
    public static double? Change(double? current, double? previous) =>
        current is { } c && previous is { } p && p != 0 ? (c - p) / Math.Abs(p) : null;

    public static string Time(DateTimeOffset? value, UserTimeZone zone) =>
        value is { } v ? zone.ToLocal(v).ToString("h:mm tt", Us) : "—";

    /// <summary>Time left as "4:05" (minutes:seconds), "1:02:05" past an hour, "0:00" once passed.</summary>
    public static string Countdown(TimeSpan left)
    {
        if (left <= TimeSpan.Zero) return "0:00";
        var seconds = (long)Math.Ceiling(left.TotalSeconds);
        return seconds >= 3600
            ? string.Format(Us, "{0}:{1:00}:{2:00}", seconds / 3600, seconds % 3600 / 60, seconds % 60)
            : string.Format(Us, "{0}:{1:00}", seconds / 60, seconds % 60);
    }
}
