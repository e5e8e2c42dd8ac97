using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Query;

/// <summary>
/// A sort specification such as <c>{ receivedAt: -1, _id: 1 }</c>, compared with MongoDB semantics
/// (arrays sort by their smallest element ascending, largest descending; missing sorts as null).
/// <c>{ $meta: "textScore" }</c> keys are accepted; documents carry no score, so they compare equal on them
/// (use <see cref="ExtractKey"/> with a score to sort by relevance). [Immutable - ThreadSafe]
/// </summary>
public sealed class SortSpec : IComparer<BsonDocument>
{
    private readonly SortKey[] _keys;

    private SortSpec(SortKey[] keys)
    {
        _keys = keys;
        Keys = [.. keys.Where(k => k.Path is not null).Select(k => (k.Name, k.Direction))];
    }

    /// <summary>The field keys in order (text-score keys excluded; see <see cref="HasTextScore"/>).</summary>
    public IReadOnlyList<(string Path, int Direction)> Keys { get; }

    /// <summary>Whether the spec sorts by <c>{ $meta: "textScore" }</c> (descending relevance).</summary>
    public bool HasTextScore => _keys.Any(k => k.Path is null);

    public static SortSpec Parse(BsonDocument spec)
    {
        var keys = new List<SortKey>(spec.ElementCount);
        foreach (var element in spec)
        {
            if (element.Name.Length == 0) throw MongoError.BadValue("FieldPath cannot be constructed with empty string");
            if (element.Value is BsonDocument meta)
            {
                if (meta.ElementCount == 1 && meta.GetElement(0).Name == "$meta" && meta[0] == "textScore")
                {
                    keys.Add(new SortKey(element.Name, null, -1));
                    continue;
                }
                throw MongoError.Location(17312, "$meta is the only expression supported by $sort right now");
            }
            keys.Add(new SortKey(element.Name, DocumentPath.Parse(element.Name), DirectionOf(element)));
        }
        return new SortSpec([.. keys]);
    }

    private static int DirectionOf(BsonElement element)
    {
        var value = element.Value;
        if (!value.IsNumeric) throw MongoError.Location(15974, $"Illegal key in $sort specification: {element.Name}: {value}");
        var number = value.ToDouble();
        if (number == 1) return 1;
        if (number == -1) return -1;
        throw MongoError.Location(15975, "$sort key ordering must be 1 (for ascending) or -1 (for descending)");
    }

    public int Compare(BsonDocument? x, BsonDocument? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        foreach (var key in _keys)
        {
            if (key.Path is null) continue;
            var comparison = BsonValueComparer.Instance.Compare(KeyValue(key, x), KeyValue(key, y));
            if (comparison != 0) return comparison * key.Direction;
        }
        return 0;
    }

    /// <summary>
    /// The values this spec sorts a document by, one per key (text-score keys take <paramref name="textScore"/>).
    /// Extract once per document and compare with <see cref="CompareKeys"/> when sorting many documents.
    /// </summary>
    public BsonValue[] ExtractKey(BsonDocument document, double? textScore = null)
    {
        var values = new BsonValue[_keys.Length];
        for (var i = 0; i < _keys.Length; i++)
        {
            values[i] = _keys[i].Path is null ? (BsonValue?)textScore ?? BsonNull.Value : KeyValue(_keys[i], document);
        }
        return values;
    }

    /// <summary>Compares two results of <see cref="ExtractKey"/>.</summary>
    public int CompareKeys(BsonValue[] x, BsonValue[] y)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            var comparison = BsonValueComparer.Instance.Compare(x[i], y[i]);
            if (comparison != 0) return comparison * _keys[i].Direction;
        }
        return 0;
    }

    /// <summary>The value a document sorts by for one key: the smallest candidate ascending, the largest descending.</summary>
    private static BsonValue KeyValue(SortKey key, BsonDocument document)
    {
        var path = key.Path!;
        // The common case, a scalar reached without crossing an array, needs no candidate list.
        var direct = path.GetValueOrMissing(document);
        if (direct is not null and not BsonArray) return direct;

        BsonValue? best = null;
        foreach (var candidate in path.EnumerateKeyValues(document))
        {
            if (best is null)
            {
                best = candidate;
                continue;
            }
            var comparison = BsonValueComparer.Instance.Compare(candidate, best);
            if (key.Direction > 0 ? comparison < 0 : comparison > 0) best = candidate;
        }
        return best ?? BsonNull.Value;
    }

    private sealed record SortKey(string Name, DocumentPath? Path, int Direction);
}
