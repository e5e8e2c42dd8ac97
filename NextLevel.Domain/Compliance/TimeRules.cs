using System.Globalization;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Compliance.Data;
using static NextLevel.Domain.Compliance.ComplianceReasonCodes;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// The rules that waiting cures: the federal window and the stricter state windows in every candidate zone of the
/// callee, the state limits on calls per 24 hours, and the campaign's own calling hours in its zone.
/// </summary>
internal static class TimeRules
{
    /// <summary>How far ahead <see cref="NextAllowed"/> looks; a contact never allowed within it gets no next time.</summary>
    private const int LookAheadDays = 14;

    public static List<ComplianceReason> Check(ComplianceFacts facts, CalleeLocation location, DateTimeOffset at)
    {
        var reasons = new List<ComplianceReason>();
        var policy = facts.Policy;
        foreach (var zone in location.Zones)
        {
            var local = TimeZoneInfo.ConvertTime(at, zone);
            if (!Within(local, policy.WindowStart, policy.WindowEnd))
            {
                reasons.Add(new(OutsideCallingHours, $"It is {local:HH:mm} in {zone.Id}; calls and texts are allowed only from {policy.WindowStart:HH\\:mm} to {policy.WindowEnd:HH\\:mm} callee-local time."));
                break;
            }
        }

        foreach (var rule in Rules(location))
        {
            foreach (var zone in location.Zones)
            {
                var local = TimeZoneInfo.ConvertTime(at, zone);
                var window = rule.WindowOn(local.DayOfWeek);
                if (window is null || !Within(local, window.Value.Start, window.Value.End))
                {
                    var allowed = window is { } w ? $"from {w.Start:HH\\:mm} to {w.End:HH\\:mm}" : "not at all";
                    reasons.Add(new(OutsideStateCallingHours, $"{rule.State} allows calls on {local.DayOfWeek} {allowed} ({rule.Source}); it is {local:HH:mm} in {zone.Id}."));
                    break;
                }
            }
        }

        if (Rules(location).Where(r => r.MaxCallsPer24Hours is not null).MinBy(r => r.MaxCallsPer24Hours) is { } limit)
        {
            var made = CallsInWindow(facts, at);
            if (made >= limit.MaxCallsPer24Hours)
                reasons.Add(new(StateCallLimitReached, $"{made} calls or texts in the last 24 hours; {limit.State} allows at most {limit.MaxCallsPer24Hours} on the same subject ({limit.Source})."));
        }

        if (facts.CampaignHours is { } hours)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(hours.Timezone ?? "", out var campaignZone))
                reasons.Add(new(CampaignHoursInvalid, "The campaign's calling-hours time zone is not a known IANA zone."));
            else
            {
                var local = TimeZoneInfo.ConvertTime(at, campaignZone);
                var day = hours.For(local.DayOfWeek);
                if (day is null)
                    reasons.Add(new(OutsideCampaignHours, $"The campaign makes no calls on {local.DayOfWeek} ({campaignZone.Id})."));
                else if (!TryParseWindow(day, out var start, out var end))
                    reasons.Add(new(CampaignHoursInvalid, $"The campaign's calling hours for {local.DayOfWeek} are not HH:mm times."));
                else if (!Within(local, start, end))
                    reasons.Add(new(OutsideCampaignHours, $"It is {local:HH:mm} in the campaign's zone {campaignZone.Id}; the campaign calls on {local.DayOfWeek} from {day.Start} to {day.End}."));
            }
        }
        return reasons;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="at"/> passing every time rule (and <paramref name="passes"/>). The allowed set is a union of
    /// intervals whose left ends are window starts (in some zone) or moments when a past call leaves the 24-hour
    /// count, so checking those candidates in order finds it exactly.
    /// </summary>
    public static DateTimeOffset? NextAllowed(ComplianceFacts facts, CalleeLocation location, DateTimeOffset at, Func<DateTimeOffset, bool> passes)
    {
        var candidates = new SortedSet<DateTimeOffset> { at };
        var zones = location.Zones.ToList();
        var starts = new List<(TimeZoneInfo Zone, Func<DayOfWeek, TimeOnly?> Start)>();
        foreach (var zone in zones)
        {
            starts.Add((zone, _ => facts.Policy.WindowStart));
            foreach (var rule in Rules(location)) starts.Add((zone, d => rule.WindowOn(d)?.Start));
        }
        if (facts.CampaignHours is { } hours && TimeZoneInfo.TryFindSystemTimeZoneById(hours.Timezone ?? "", out var campaignZone))
            starts.Add((campaignZone, d => hours.For(d) is { } w && TryParseWindow(w, out var s, out _) ? s : null));

        foreach (var (zone, start) in starts)
        {
            var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime).AddDays(-1);
            for (var i = 0; i <= LookAheadDays; i++)
            {
                var day = firstDay.AddDays(i);
                if (start(day.DayOfWeek) is { } time && ToInstant(day, time, zone) is var instant && instant > at)
                    candidates.Add(instant);
            }
        }
        foreach (var made in facts.TelephoneContactTimes)
        {
            var leaves = made + TimeSpan.FromHours(24);
            if (leaves > at) candidates.Add(leaves);
        }
        var horizon = at.AddDays(LookAheadDays);
        return candidates.Where(c => c <= horizon).Cast<DateTimeOffset?>().FirstOrDefault(c => passes(c!.Value));
    }

    private static IEnumerable<StateCallingRule> Rules(CalleeLocation location) =>
        location.States.Select(StateCallingRules.For).OfType<StateCallingRule>();

    /// <summary>Calls and texts in the 24 hours ending at <paramref name="at"/> (exclusive start, inclusive end).</summary>
    private static int CallsInWindow(ComplianceFacts facts, DateTimeOffset at) =>
        facts.TelephoneContactTimes.Count(t => t > at - TimeSpan.FromHours(24) && t <= at);

    /// <summary>Start inclusive, end exclusive: 08:00:00 is allowed, 21:00:00 is not. An end of 24:00 is the end of the day.</summary>
    private static bool Within(DateTimeOffset local, TimeOnly start, TimeOnly end)
    {
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        return time >= start && (end == TimeOnly.MinValue ? true : time < end);
    }

    internal static bool TryParseWindow(DailyWindow window, out TimeOnly start, out TimeOnly end)
    {
        end = default;
        if (!TryParseTime(window.Start, out start) || !TryParseTime(window.End, out end)) return false;
        return end == TimeOnly.MinValue || start < end;
    }

    /// <summary>"HH:mm"; "24:00" is read as midnight at the end of the day (stored as 00:00).</summary>
    private static bool TryParseTime(string? text, out TimeOnly time)
    {
        if (text == "24:00") { time = TimeOnly.MinValue; return true; }
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>The instant a local date and time names in a zone; a time skipped by daylight saving moves forward by the gap.</summary>
    private static DateTimeOffset ToInstant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
