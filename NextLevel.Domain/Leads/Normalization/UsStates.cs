using System.Collections.Frozen;

namespace NextLevel.Domain.Leads.Normalization;

/// <summary>USPS two-letter codes of the states, DC and the territories, and their names.</summary>
public static class UsStates
{
    private static readonly FrozenDictionary<string, string> CodeByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Alabama"] = "AL", ["Alaska"] = "AK", ["Arizona"] = "AZ", ["Arkansas"] = "AR", ["California"] = "CA",
        ["Colorado"] = "CO", ["Connecticut"] = "CT", ["Delaware"] = "DE", ["District of Columbia"] = "DC", ["Florida"] = "FL",
        ["Georgia"] = "GA", ["Hawaii"] = "HI", ["Idaho"] = "ID", ["Illinois"] = "IL", ["Indiana"] = "IN",
        ["Iowa"] = "IA", ["Kansas"] = "KS", ["Kentucky"] = "KY", ["Louisiana"] = "LA", ["Maine"] = "ME",
        ["Maryland"] = "MD", ["Massachusetts"] = "MA", ["Michigan"] = "MI", ["Minnesota"] = "MN", ["Mississippi"] = "MS",
        ["Missouri"] = "MO", ["Montana"] = "MT", ["Nebraska"] = "NE", ["Nevada"] = "NV", ["New Hampshire"] = "NH",
        ["New Jersey"] = "NJ", ["New Mexico"] = "NM", ["New York"] = "NY", ["North Carolina"] = "NC", ["North Dakota"] = "ND",
        ["Ohio"] = "OH", ["Oklahoma"] = "OK", ["Oregon"] = "OR", ["Pennsylvania"] = "PA", ["Rhode Island"] = "RI",
        ["South Carolina"] = "SC", ["South Dakota"] = "SD", ["Tennessee"] = "TN", ["Texas"] = "TX", ["Utah"] = "UT",
        ["Vermont"] = "VT", ["Virginia"] = "VA", ["Washington"] = "WA", ["West Virginia"] = "WV", ["Wisconsin"] = "WI",
        ["Wyoming"] = "WY", ["Puerto Rico"] = "PR", ["Guam"] = "GU", ["U.S. Virgin Islands"] = "VI",
        ["American Samoa"] = "AS", ["Northern Mariana Islands"] = "MP",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Codes = CodeByName.Values.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The upper-case code for "wa", "WA" or "Washington"; false for anything else.</summary>
    public static bool TryNormalize(string raw, out string code)
    {
        var trimmed = raw.Trim();
        code = trimmed.ToUpperInvariant();
        if (code.Length == 2 && Codes.Contains(code)) return true;
        if (CodeByName.TryGetValue(trimmed, out var byName))
        {
            code = byName;
            return true;
        }
        code = "";
        return false;
    }
}
