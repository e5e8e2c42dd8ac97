using System.Globalization;
using NextLevel.Domain.Compliance.Data;

namespace NextLevel.Domain.Compliance.Evidence;

/// <summary>
/// The calling window that applied to an attempt, in words: the federal window (as narrowed by the stored
/// <c>compliance.callingWindow</c>) and the window of each candidate state with a stricter rule, on the callee's local day.
/// </summary>
public static class CallingWindowText
{
    public static string For(string federalStart, string federalEnd, IReadOnlyList<string> states, string? calleeTimeZone, DateTime at)
    {
        var parts = new List<string> { $"{federalStart}-{federalEnd} callee-local (federal)" };
        var zoneId = calleeTimeZone?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var day = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone).DayOfWeek
            : at.DayOfWeek;
        foreach (var state in states)
        {
            if (StateCallingRules.For(state) is not { } rule) continue;
            parts.Add(rule.WindowOn(day) is { } window
                ? string.Create(CultureInfo.InvariantCulture, $"{state} {window.Start:HH\\:mm}-{window.End:HH\\:mm} on {day}")
                : $"{state} no calls on {day}");
        }
        return string.Join("; ", parts);
    }
}
