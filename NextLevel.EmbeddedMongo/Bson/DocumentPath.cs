using System.Globalization;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Bson;

/// <summary>
/// A parsed dotted field path (<c>address.city</c>, <c>items.0.price</c>) and the ways MongoDB resolves it.
/// <list type="bullet">
/// <item><see cref="TryGetValue(BsonDocument, string, out BsonValue)"/>: a plain lookup with no array expansion
/// (numeric components index arrays), as updates and expression field paths address a single value.</item>
/// <item><see cref="AnyMatch"/> and <see cref="EnumerateCandidates"/>: the query engine's resolution, where arrays
/// along the path are traversed implicitly, numeric components both index arrays and name fields, and a leaf array
/// yields its elements and then itself (so whole-array equality works).</item>
/// <item><see cref="EnumerateKeyValues"/>: the sort/index-key resolution, where every leaf value counts once,
/// missing counts as null and an empty leaf array counts as undefined.</item>
/// </list>
/// [Immutable - ThreadSafe]
/// </summary>
public sealed class DocumentPath
{
    private readonly string[] _parts;
    private readonly int[] _arrayIndexes;

    private DocumentPath(string dotted, string[] parts)
    {
        Dotted = dotted;
        _parts = parts;
        _arrayIndexes = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++) _arrayIndexes[i] = ParseArrayIndex(parts[i]);
    }

    /// <summary>The path as written, e.g. <c>a.b.0</c>.</summary>
    public string Dotted { get; }

    /// <summary>The components of the path.</summary>
    public IReadOnlyList<string> Parts => _parts;

    public static DocumentPath Parse(string dotted) => new(dotted, dotted.Split('.'));

    public override string ToString() => Dotted;

    /// <summary>The value at a dotted path without array expansion; numeric components index arrays.</summary>
    public static bool TryGetValue(BsonDocument document, string path, out BsonValue value)
    {
        BsonValue current = document;
        var start = 0;
        while (true)
        {
            var dot = path.IndexOf('.', start);
            var part = dot < 0 ? path.AsSpan(start) : path.AsSpan(start, dot - start);
            if (!TryStep(current, part, out current!))
            {
                value = BsonNull.Value;
                return false;
            }
            if (dot < 0)
            {
                value = current;
                return true;
            }
            start = dot + 1;
        }
    }

    /// <summary>The value at a dotted path without array expansion, or C# null when it is missing.</summary>
    public static BsonValue? GetValueOrMissing(BsonDocument document, string path) =>
        TryGetValue(document, path, out var value) ? value : null;

    /// <summary>This path's value without array expansion, or C# null when it is missing.</summary>
    public BsonValue? GetValueOrMissing(BsonDocument document)
    {
        BsonValue current = document;
        for (var i = 0; i < _arrayIndexes.Length; i++)
        {
            switch (current)
            {
                case BsonDocument doc:
                    if (!doc.TryGetValue(_parts[i], out current)) return null;
                    break;
                case BsonArray array:
                    var index = _arrayIndexes[i];
                    if (index < 0 || index >= array.Count) return null;
                    current = array[index];
                    break;
                default:
                    return null;
            }
        }
        return current;
    }

    private static bool TryStep(BsonValue current, ReadOnlySpan<char> part, out BsonValue? next)
    {
        switch (current)
        {
            case BsonDocument doc:
                // BsonDocument has no span lookup; the allocation happens only for nested paths.
                if (doc.TryGetValue(part.ToString(), out var found))
                {
                    next = found;
                    return true;
                }
                break;
            case BsonArray array:
                var index = ParseArrayIndex(part);
                if (index >= 0 && index < array.Count)
                {
                    next = array[index];
                    return true;
                }
                break;
        }
        next = null;
        return false;
    }

    /// <summary>
    /// True when some candidate value of this path passes <paramref name="test"/> (query semantics).
    /// <paramref name="arrayPosition"/> receives the index, within the first array traversed, of the match
    /// (-1 when no array element was involved).
    /// </summary>
    /// <param name="expandLeafArrays">Whether a leaf array yields its elements before itself
    /// (false for $size and $elemMatch, which look at whole arrays only).</param>
    public bool AnyMatch(BsonDocument document, IPathValueTest test, bool expandLeafArrays, out int arrayPosition)
    {
        arrayPosition = -1;
        return MatchInDocument(document, 0, test, expandLeafArrays, ref arrayPosition);
    }

    private bool MatchInDocument(BsonDocument document, int part, IPathValueTest test, bool expandLeafArrays, ref int position)
    {
        var value = document.TryGetValue(_parts[part], out var found) ? found : null;
        return MatchValue(value, part + 1, test, expandLeafArrays, ref position);
    }

    private bool MatchValue(BsonValue? value, int nextPart, IPathValueTest test, bool expandLeafArrays, ref int position)
    {
        if (nextPart == _arrayIndexes.Length)
        {
            if (expandLeafArrays && value is BsonArray leaf)
            {
                for (var i = 0; i < leaf.Count; i++)
                {
                    var ignored = -1;
                    if (test.Test(leaf[i], ref ignored))
                    {
                        position = i;
                        return true;
                    }
                }
            }
            return test.Test(value, ref position);
        }

        switch (value)
        {
            case BsonDocument doc:
                return MatchInDocument(doc, nextPart, test, expandLeafArrays, ref position);
            case BsonArray array:
                var offset = _arrayIndexes[nextPart];
                for (var i = 0; i < array.Count; i++)
                {
                    var element = array[i];
                    if (element is BsonDocument elementDoc && MatchInDocument(elementDoc, nextPart, test, expandLeafArrays, ref position))
                    {
                        position = i;
                        return true;
                    }
                    // A numeric component also addresses the array element at that position. An element reached
                    // this way is a leaf as it stands: a nested array there is not expanded.
                    if (i == offset)
                    {
                        var matched = nextPart + 1 == _arrayIndexes.Length
                            ? test.Test(element, ref position)
                            : MatchValue(element, nextPart + 1, test, expandLeafArrays, ref position);
                        if (matched) return true;
                    }
                }
                return false;
            default:
                // A scalar (or nothing) where the path needs a document: the rest of the path is missing.
                return test.Test(null, ref position);
        }
    }

    /// <summary>Every candidate value of this path with query semantics (C# null for missing). Allocates; prefer <see cref="AnyMatch"/> on hot paths.</summary>
    public IEnumerable<BsonValue?> EnumerateCandidates(BsonDocument document, bool expandLeafArrays = true)
    {
        var collector = new CandidateCollector();
        AnyMatch(document, collector, expandLeafArrays, out _);
        return collector.Values;
    }

    private sealed class CandidateCollector : IPathValueTest
    {
        public List<BsonValue?> Values { get; } = [];

        public bool Test(BsonValue? value, ref int arrayPosition)
        {
            Values.Add(value);
            return false;
        }
    }

    /// <summary>
    /// The values a sort or index key takes for this path: each leaf value once, arrays along the path expanded,
    /// a leaf array expanded into its elements (an empty one yields undefined), a missing value yields null.
    /// </summary>
    public List<BsonValue> EnumerateKeyValues(BsonDocument document)
    {
        var values = new List<BsonValue>();
        CollectKeys(document, 0, values);
        return values;
    }

    private void CollectKeys(BsonValue? value, int part, List<BsonValue> values)
    {
        if (part == _arrayIndexes.Length)
        {
            switch (value)
            {
                case null:
                    values.Add(BsonNull.Value);
                    break;
                case BsonArray { Count: 0 }:
                    values.Add(BsonUndefined.Value);
                    break;
                case BsonArray array:
                    values.AddRange(array);
                    break;
                default:
                    values.Add(value);
                    break;
            }
            return;
        }

        switch (value)
        {
            case BsonDocument doc:
                CollectKeys(doc.TryGetValue(_parts[part], out var found) ? found : null, part + 1, values);
                break;
            case BsonArray array when _arrayIndexes[part] >= 0:
                CollectKeys(_arrayIndexes[part] < array.Count ? array[_arrayIndexes[part]] : null, part + 1, values);
                break;
            case BsonArray { Count: 0 }:
                values.Add(BsonNull.Value);
                break;
            case BsonArray array:
                foreach (var element in array) CollectKeys(element is BsonDocument ? element : null, part, values);
                break;
            default:
                values.Add(BsonNull.Value);
                break;
        }
    }

    private static int ParseArrayIndex(ReadOnlySpan<char> part)
    {
        // MongoDB treats only plain decimal digits as positions ("01" is a field name, not position 1).
        if (part.Length == 0 || part.Length > 9) return -1;
        if (part.Length > 1 && part[0] == '0') return -1;
        foreach (var c in part)
        {
            if (c is < '0' or > '9') return -1;
        }
        return int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
