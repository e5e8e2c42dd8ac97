using NextLevel.Domain.Compliance.Data;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// Where the called person may be: every IANA zone and state suggested by the phone number's area code, the
/// contact's address and the property's address. A call must be legal in all of them (the stricter wins).
/// </summary>
public sealed record CalleeLocation(IReadOnlyList<TimeZoneInfo> Zones, IReadOnlyList<string> States)
{
    public static CalleeLocation Resolve(string? phone, params AddressFacts?[] addresses)
    {
        var zoneIds = new SortedSet<string>(StringComparer.Ordinal);
        var states = new SortedSet<string>(StringComparer.Ordinal);
        if (AreaCodes.AreaCodeOf(phone) is { } areaCode && AreaCodes.Find(areaCode) is { } info)
        {
            states.Add(info.State);
            zoneIds.UnionWith(info.Zones);
        }
        foreach (var address in addresses)
        {
            var state = address?.State?.Trim().ToUpperInvariant();
            if (!Data.States.IsKnown(state)) continue;
            states.Add(state!);
            zoneIds.UnionWith(Data.States.ZonesOf(state!, address!.ZipCode?.Trim()));
        }
        var zones = new List<TimeZoneInfo>();
        foreach (var id in zoneIds)
        {
            // A zone the system cannot resolve makes the whole location unknown: dropping it would loosen the rule.
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return new CalleeLocation([], [.. states]);
            zones.Add(zone);
        }
        return new CalleeLocation(zones, [.. states]);
    }

    public string ZoneIds => string.Join(",", Zones.Select(z => z.Id));

    public string LocalTimes(DateTimeOffset at) => string.Join(",", Zones.Select(z => TimeZoneInfo.ConvertTime(at, z).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)));
}
