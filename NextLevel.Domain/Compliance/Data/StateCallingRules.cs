using System.Collections.Frozen;

namespace NextLevel.Domain.Compliance.Data;

/// <summary>
/// State telemarketing rules stricter than the federal 08:00–21:00: a window per weekday (null = no calls that day)
/// and a limit of calls in 24 hours on the same subject. Applied when any candidate state of the callee (address or
/// area code) has a rule, in every candidate zone. Sources per row; docs/compliance.md lists them.
/// </summary>
public sealed record StateCallingRule(string State, string Source, IReadOnlyDictionary<DayOfWeek, (TimeOnly Start, TimeOnly End)?> Windows, int? MaxCallsPer24Hours)
{
    public (TimeOnly Start, TimeOnly End)? WindowOn(DayOfWeek day) => Windows[day];
}

public static class StateCallingRules
{
    private static readonly FrozenDictionary<string, StateCallingRule> Rules = new StateCallingRule[]
    {
        Daily("FL", "Fla. Stat. 501.616(6) (Florida Telephone Solicitation Act)", 8, 0, 20, 0, maxPer24h: 3),
        Daily("OK", "15 O.S. 775C.4 (Oklahoma Telephone Solicitation Act of 2022)", 8, 0, 20, 0, maxPer24h: 3),
        Daily("MD", "Md. Code, Com. Law 14-4503 (Stop the Spam Calls Act of 2023)", 8, 0, 20, 0, maxPer24h: 3),
        Daily("WA", "RCW 80.36.390(3)", 8, 0, 20, 0),
        Daily("MA", "M.G.L. c. 159C, 3", 8, 0, 20, 0),
        Daily("CT", "Conn. Gen. Stat. 42-288a (as amended 2023)", 9, 0, 20, 0),
        Weekly("TX", "Tex. Bus. & Com. Code 301.051", weekday: (9, 0, 21, 0), saturday: (9, 0, 21, 0), sunday: (12, 0, 21, 0)),
        Weekly("PA", "73 P.S. 2245.2 (Telemarketer Registration Act)", weekday: (8, 0, 21, 0), saturday: (8, 0, 21, 0), sunday: (13, 30, 21, 0)),
        Weekly("LA", "La. R.S. 45:844.17", weekday: (8, 0, 20, 0), saturday: (8, 0, 20, 0), sunday: null),
        Weekly("MS", "Miss. Code 77-3-725", weekday: (8, 0, 20, 0), saturday: (8, 0, 20, 0), sunday: null),
        Weekly("AL", "Ala. Admin. Code 770-X-9-.01", weekday: (8, 0, 20, 0), saturday: (8, 0, 20, 0), sunday: null),
        Weekly("RI", "R.I. Gen. Laws 5-61-3.4", weekday: (9, 0, 18, 0), saturday: (10, 0, 17, 0), sunday: null),
    }.ToFrozenDictionary(r => r.State, StringComparer.Ordinal);

    public static StateCallingRule? For(string state) => Rules.GetValueOrDefault(state);

    public static IEnumerable<StateCallingRule> All => Rules.Values;

    private static StateCallingRule Daily(string state, string source, int sh, int sm, int eh, int em, int? maxPer24h = null) =>
        Weekly(state, source, (sh, sm, eh, em), (sh, sm, eh, em), (sh, sm, eh, em), maxPer24h);

    private static StateCallingRule Weekly(string state, string source, (int, int, int, int) weekday, (int, int, int, int)? saturday, (int, int, int, int)? sunday, int? maxPer24h = null)
    {
        static (TimeOnly, TimeOnly)? W((int Sh, int Sm, int Eh, int Em)? w) => w is { } v ? (new TimeOnly(v.Sh, v.Sm), new TimeOnly(v.Eh, v.Em)) : null;
        var windows = new Dictionary<DayOfWeek, (TimeOnly Start, TimeOnly End)?>
        {
            [DayOfWeek.Monday] = W(weekday), [DayOfWeek.Tuesday] = W(weekday), [DayOfWeek.Wednesday] = W(weekday),
            [DayOfWeek.Thursday] = W(weekday), [DayOfWeek.Friday] = W(weekday), [DayOfWeek.Saturday] = W(saturday), [DayOfWeek.Sunday] = W(sunday),
        };
        return new StateCallingRule(state, source, windows, maxPer24h);
    }
}
