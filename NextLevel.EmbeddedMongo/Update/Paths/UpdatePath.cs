using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Update.Paths;

/// <summary>A dotted field path of an update operator (<c>a.b.0</c>, <c>grades.$</c>, <c>items.$[i].qty</c>), validated.</summary>
internal sealed class UpdatePath
{
    private UpdatePath(string dotted, string[] parts)
    {
        Dotted = dotted;
        Parts = parts;
    }

    public string Dotted { get; }

    public IReadOnlyList<string> Parts { get; }

    public int Count => Parts.Count;

    /// <summary>Splits and checks a path: no empty components, at most one positional <c>$</c>, and neither
    /// <c>$</c> nor an array filter as the first component.</summary>
    public static UpdatePath Parse(string dotted)
    {
        if (dotted.Length == 0) throw EmptyFieldName("An empty update path is not valid.");
        var parts = dotted.Split('.');
        if (parts.Any(p => p.Length == 0))
        {
            throw EmptyFieldName($"The update path '{dotted}' contains an empty field name, which is not allowed.");
        }

        var positionalCount = parts.Count(p => KindOf(p) == PathComponentKind.Positional);
        if (positionalCount > 1)
        {
            throw MongoError.BadValue($"Too many positional (i.e. '$') elements found in path '{dotted}'");
        }
        if (KindOf(parts[0]) == PathComponentKind.Positional)
        {
            throw MongoError.BadValue($"Cannot have positional (i.e. '$') element in the first position in path '{dotted}'");
        }
        if (KindOf(parts[0]) is PathComponentKind.AllElements or PathComponentKind.FilteredElements)
        {
            throw MongoError.BadValue($"Cannot have array filter identifier (i.e. '$[<id>]') element in the first position in path '{dotted}'");
        }
        return new UpdatePath(dotted, parts);
    }

    public static PathComponentKind KindOf(string part)
    {
        if (part == "$") return PathComponentKind.Positional;
        if (part == "$[]") return PathComponentKind.AllElements;
        if (part.Length > 3 && part.StartsWith("$[", StringComparison.Ordinal) && part.EndsWith(']')) return PathComponentKind.FilteredElements;
        return PathComponentKind.Field;
    }

    /// <summary>The identifier inside <c>$[identifier]</c>.</summary>
    public static string IdentifierOf(string part) => part[2..^1];

    public bool IsDynamic => Parts.Any(p => KindOf(p) != PathComponentKind.Field);

    public string Prefix(int count) => string.Join('.', Parts.Take(count));

    /// <summary>True when one path equals the other or is an ancestor of it (<c>a</c> and <c>a.b</c>).</summary>
    public static bool OnSamePath(UpdatePath x, UpdatePath y)
    {
        var common = Math.Min(x.Count, y.Count);
        for (var i = 0; i < common; i++)
        {
            if (!string.Equals(x.Parts[i], y.Parts[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>An array index component: decimal digits only, as the server accepts them.</summary>
    public static bool TryParseIndex(string part, out int index)
    {
        index = 0;
        if (part.Length == 0 || part.Length > 9) return false;
        foreach (var c in part)
        {
            if (c is < '0' or > '9') return false;
        }
        index = int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    public override string ToString() => Dotted;

    private static MongoError EmptyFieldName(string message) => new(56, "EmptyFieldName", message);
}
