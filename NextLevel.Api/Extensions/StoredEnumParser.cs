using System.Collections.Frozen;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Extensions;

/// <summary>Parses the seed's enum spellings (google_ads, site_visit) from query strings; nothing else is accepted.</summary>
internal static class StoredEnumParser<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> Values = Enum.GetValues<TEnum>().ToFrozenDictionary(v => StoredEnum.Name(v), v => v, StringComparer.Ordinal);

    public static string Allowed { get; } = string.Join(", ", Values.Keys.Order(StringComparer.Ordinal));

    public static bool TryParse(string? text, out TEnum value) => Values.TryGetValue(text ?? "", out value);

    /// <summary>A comma-separated list; false when any element is unknown.</summary>
    public static bool TryParseList(string text, out List<TEnum> values)
    {
        values = [];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Values.TryGetValue(part, out var v)) return false;
            values.Add(v);
        }
        return values.Count > 0;
    }
}
