using System.Globalization;

namespace NextLevel.EmbeddedMongo.Conformance.Requirements;

/// <summary>
/// A dotted version string ("4.2", "7.0.14") compared component by component, numerically; missing components are 0
/// (so "4.2" equals "4.2.0"). Pre-release suffixes such as "-rc0" are ignored.
/// </summary>
public sealed class DottedVersion : IComparable<DottedVersion>
{
    private readonly int[] _components;

    private DottedVersion(int[] components, string text)
    {
        _components = components;
        Text = text;
    }

    public string Text { get; }

    public static DottedVersion Parse(string text)
    {
        var core = text.Split('-', '+')[0];
        var parts = core.Split('.');
        var components = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out components[i]))
                throw new FormatException($"'{text}' is not a version string");
        }
        return new DottedVersion(components, text);
    }

    public int CompareTo(DottedVersion? other)
    {
        if (other is null) return 1;
        var length = Math.Max(_components.Length, other._components.Length);
        for (var i = 0; i < length; i++)
        {
            var mine = i < _components.Length ? _components[i] : 0;
            var theirs = i < other._components.Length ? other._components[i] : 0;
            if (mine != theirs) return mine < theirs ? -1 : 1;
        }
        return 0;
    }

    public static bool operator <(DottedVersion left, DottedVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(DottedVersion left, DottedVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(DottedVersion left, DottedVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DottedVersion left, DottedVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => Text;
}
