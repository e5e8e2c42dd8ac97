using System.Collections.Frozen;

namespace NextLevel.Domain.Compliance.Data;

/// <summary>
/// US states (and DC and territories) → the IANA zone(s) an address there may be in; for the states split between
/// zones, three-digit zip prefixes that settle the zone. An address of a split state without a known prefix gets
/// every zone of the state. Source: US time zone boundaries (49 CFR part 71), USPS zip prefixes. See docs/compliance.md.
/// </summary>
public static class States
{
    private static readonly FrozenDictionary<string, string[]> Zones = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AL"] = ["America/Chicago"], ["AK"] = ["America/Anchorage", "America/Adak"], ["AZ"] = ["America/Phoenix"],
        ["AR"] = ["America/Chicago"], ["CA"] = ["America/Los_Angeles"], ["CO"] = ["America/Denver"],
        ["CT"] = ["America/New_York"], ["DE"] = ["America/New_York"], ["DC"] = ["America/New_York"],
        ["FL"] = ["America/New_York", "America/Chicago"], ["GA"] = ["America/New_York"], ["HI"] = ["Pacific/Honolulu"],
        ["ID"] = ["America/Boise", "America/Los_Angeles"], ["IL"] = ["America/Chicago"],
        ["IN"] = ["America/Indiana/Indianapolis", "America/Chicago"], ["IA"] = ["America/Chicago"],
        ["KS"] = ["America/Chicago", "America/Denver"], ["KY"] = ["America/New_York", "America/Chicago"],
        ["LA"] = ["America/Chicago"], ["ME"] = ["America/New_York"], ["MD"] = ["America/New_York"],
        ["MA"] = ["America/New_York"], ["MI"] = ["America/Detroit", "America/Chicago"], ["MN"] = ["America/Chicago"],
        ["MS"] = ["America/Chicago"], ["MO"] = ["America/Chicago"], ["MT"] = ["America/Denver"],
        ["NE"] = ["America/Chicago", "America/Denver"], ["NV"] = ["America/Los_Angeles", "America/Denver"],
        ["NH"] = ["America/New_York"], ["NJ"] = ["America/New_York"], ["NM"] = ["America/Denver"],
        ["NY"] = ["America/New_York"], ["NC"] = ["America/New_York"], ["ND"] = ["America/Chicago", "America/Denver"],
        ["OH"] = ["America/New_York"], ["OK"] = ["America/Chicago"], ["OR"] = ["America/Los_Angeles", "America/Boise"],
        ["PA"] = ["America/New_York"], ["RI"] = ["America/New_York"], ["SC"] = ["America/New_York"],
        ["SD"] = ["America/Chicago", "America/Denver"], ["TN"] = ["America/Chicago", "America/New_York"],
        ["TX"] = ["America/Chicago", "America/Denver"], ["UT"] = ["America/Denver"], ["VT"] = ["America/New_York"],
        ["VA"] = ["America/New_York"], ["WA"] = ["America/Los_Angeles"], ["WV"] = ["America/New_York"],
        ["WI"] = ["America/Chicago"], ["WY"] = ["America/Denver"], ["PR"] = ["America/Puerto_Rico"],
        ["VI"] = ["America/St_Thomas"], ["GU"] = ["Pacific/Guam"], ["MP"] = ["Pacific/Saipan"], ["AS"] = ["Pacific/Pago_Pago"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Split states: zip prefix → zone(s). Prefixes not listed keep every zone of the state, except where a
    // state's rest is named by "*".
    private static readonly FrozenDictionary<string, Dictionary<string, string[]>> ZipZones = new Dictionary<string, Dictionary<string, string[]>>(StringComparer.Ordinal)
    {
        ["FL"] = new() { ["324"] = ["America/Chicago"], ["325"] = ["America/Chicago"], ["*"] = ["America/New_York"] },
        ["TX"] = new() { ["798"] = ["America/Denver"], ["799"] = ["America/Denver"], ["885"] = ["America/Denver"], ["*"] = ["America/Chicago"] },
        ["ID"] = new() { ["835"] = ["America/Los_Angeles"], ["838"] = ["America/Los_Angeles"], ["*"] = ["America/Boise"] },
        ["OR"] = new() { ["979"] = ["America/Boise"], ["*"] = ["America/Los_Angeles"] },
        ["MI"] = new() { ["498"] = ["America/Detroit", "America/Chicago"], ["499"] = ["America/Detroit", "America/Chicago"], ["*"] = ["America/Detroit"] },
        ["IN"] = new() { ["463"] = ["America/Chicago"], ["464"] = ["America/Chicago"], ["476"] = ["America/Chicago"], ["477"] = ["America/Chicago"] },
        ["TN"] = new() { ["370"] = ["America/Chicago"], ["371"] = ["America/Chicago"], ["372"] = ["America/Chicago"], ["380"] = ["America/Chicago"], ["381"] = ["America/Chicago"], ["382"] = ["America/Chicago"], ["383"] = ["America/Chicago"], ["384"] = ["America/Chicago"], ["385"] = ["America/Chicago"], ["374"] = ["America/New_York"], ["376"] = ["America/New_York"], ["377"] = ["America/New_York"], ["378"] = ["America/New_York"], ["379"] = ["America/New_York"] },
        ["NV"] = new() { ["898"] = ["America/Los_Angeles", "America/Denver"], ["*"] = ["America/Los_Angeles"] },
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// States where every party must consent to recording a call (so the call discloses it).
    /// Source: the state eavesdropping statutes (e.g. Cal. Penal Code 632, Fla. Stat. 934.03, 18 Pa. C.S. 5703, RCW 9.73.030).
    /// </summary>
    public static IReadOnlySet<string> AllPartyRecordingConsent { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "CA", "CT", "DE", "FL", "IL", "MD", "MA", "MI", "MT", "NV", "NH", "PA", "WA",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>States that keep their own Do-Not-Call list (imported with <c>source=state</c>).</summary>
    public static IReadOnlySet<string> WithOwnDncList { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "CO", "FL", "IN", "LA", "MA", "MO", "OK", "PA", "TN", "TX", "WY",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string? state) => state is not null && Zones.ContainsKey(state);

    /// <summary>The zone(s) of an address: by zip prefix where the state is split, else every zone of the state.</summary>
    public static IReadOnlyList<string> ZonesOf(string state, string? zipCode)
    {
        if (!Zones.TryGetValue(state, out var zones)) return [];
        if (!ZipZones.TryGetValue(state, out var byZip) || zipCode is not { Length: >= 5 } || !zipCode.Take(5).All(char.IsAsciiDigit)) return zones;
        if (byZip.TryGetValue(zipCode[..3], out var exact)) return exact;
        return byZip.TryGetValue("*", out var rest) ? rest : zones;
    }
}
