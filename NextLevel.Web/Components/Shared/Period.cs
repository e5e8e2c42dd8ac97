namespace NextLevel.Web.Components.Shared;

/// <summary>A half-open interval [From, To) of instants; the previous period is the same length just before it.</summary>
public sealed record Period(DateTimeOffset From, DateTimeOffset To)
{
    public Period Previous => new(From - (To - From), From);

    /// <summary>today, 7d, 30d or 90d, ending at the end of today in the user's time zone.</summary>
    public static Period FromPreset(string preset, UserTimeZone zone, TimeProvider clock)
    {
        var today = zone.Now(clock).Date;
        var end = zone.StartOfDay(today.AddDays(1));
        var days = preset switch { "today" => 1, "7d" => 7, "90d" => 90, _ => 30 };
        return new Period(zone.StartOfDay(today.AddDays(1 - days)), end);
    }
}
