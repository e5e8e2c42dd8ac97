using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>One interval of index keys on a field, as explain prints it: "[5, 5]", "(3, inf.0]".</summary>
internal sealed record KeyInterval(BsonValue Low, bool LowInclusive, BsonValue High, bool HighInclusive)
{
    public static readonly KeyInterval All = new(BsonMinKey.Value, true, BsonMaxKey.Value, true);

    public static KeyInterval Point(BsonValue value) => new(value, true, value, true);

    public bool IsPoint => LowInclusive && HighInclusive && BsonValueComparer.Instance.Compare(Low, High) == 0;

    public bool Contains(BsonValue value)
    {
        var low = BsonValueComparer.Instance.Compare(value, Low);
        var high = BsonValueComparer.Instance.Compare(value, High);
        return (low > 0 || (low == 0 && LowInclusive)) && (high < 0 || (high == 0 && HighInclusive));
    }

    public string ToExplainString() =>
        (LowInclusive ? "[" : "(") + Render(Low) + ", " + Render(High) + (HighInclusive ? "]" : ")");

    /// <summary>The key of a descending index field runs from high to low.</summary>
    public KeyInterval Reversed() => new(High, HighInclusive, Low, LowInclusive);

    private static string Render(BsonValue value) => value.BsonType switch
    {
        BsonType.MinKey => "MinKey",
        BsonType.MaxKey => "MaxKey",
        BsonType.String => "\"" + value.AsString + "\"",
        BsonType.Double when double.IsPositiveInfinity(value.AsDouble) => "inf.0",
        BsonType.Double when double.IsNegativeInfinity(value.AsDouble) => "-inf.0",
        BsonType.DateTime => "new Date(" + value.AsBsonDateTime.MillisecondsSinceEpoch + ")",
        BsonType.ObjectId => "ObjectId('" + value.AsObjectId + "')",
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>
/// The index-usable predicates of a filter, per field: equality points ($eq, $in, plain values) or one range
/// ($gt/$gte/$lt/$lte). Only top-level and $and conjuncts are considered: they restrict every matching document.
/// </summary>
internal sealed class FieldBounds
{
    private readonly Dictionary<string, List<KeyInterval>> _byField = new(StringComparer.Ordinal);

    public static FieldBounds FromFilter(BsonDocument filter)
    {
        var bounds = new FieldBounds();
        bounds.Collect(filter);
        return bounds;
    }

    public bool TryGet(string field, out IReadOnlyList<KeyInterval> intervals)
    {
        if (_byField.TryGetValue(field, out var list))
        {
            intervals = list;
            return true;
        }
        intervals = [];
        return false;
    }

    private void Collect(BsonDocument filter)
    {
        foreach (var element in filter)
        {
            if (element.Name == "$and" && element.Value.IsBsonArray)
            {
                foreach (var clause in element.Value.AsBsonArray)
                {
                    if (clause.IsBsonDocument) Collect(clause.AsBsonDocument);
                }
                continue;
            }
            if (element.Name.StartsWith('$')) continue;

            var intervals = IntervalsOf(element.Value);
            if (intervals is null) continue;
            // A second predicate on the same field (from $and) narrows what the index must return; keep the first
            // one, which is still a superset of the matches, because the full filter runs on every candidate.
            _byField.TryAdd(element.Name, intervals);
        }
    }

    private static List<KeyInterval>? IntervalsOf(BsonValue predicate)
    {
        if (predicate.IsBsonRegularExpression || predicate.IsBsonArray) return null;
        if (!predicate.IsBsonDocument) return [KeyInterval.Point(predicate)];

        var document = predicate.AsBsonDocument;
        if (document.ElementCount == 0 || !document.GetElement(0).Name.StartsWith('$')) return [KeyInterval.Point(predicate)];

        BsonValue low = BsonMinKey.Value, high = BsonMaxKey.Value;
        bool lowInclusive = true, highInclusive = true, ranged = false;
        List<KeyInterval>? points = null;
        foreach (var op in document)
        {
            switch (op.Name)
            {
                case "$eq" when !op.Value.IsBsonRegularExpression && !op.Value.IsBsonArray:
                    points = [KeyInterval.Point(op.Value)];
                    break;
                case "$in" when op.Value.IsBsonArray && op.Value.AsBsonArray.All(v => !v.IsBsonRegularExpression && !v.IsBsonArray):
                    points = [.. op.Value.AsBsonArray.OrderBy(v => v, BsonValueComparer.Instance).Select(KeyInterval.Point)];
                    break;
                case "$gt" or "$gte":
                    low = op.Value;
                    lowInclusive = op.Name == "$gte";
                    if (high.IsBsonMaxKey) high = UpperOfType(op.Value);
                    ranged = true;
                    break;
                case "$lt" or "$lte":
                    high = op.Value;
                    highInclusive = op.Name == "$lte";
                    if (low.IsBsonMinKey) low = LowerOfType(op.Value);
                    ranged = true;
                    break;
            }
        }
        if (points is not null) return points;
        return ranged ? [new KeyInterval(low, lowInclusive, high, highInclusive)] : null;
    }

    /// <summary>Comparisons only match values of the same type bracket, so a one-sided range ends at that bracket's edge.</summary>
    private static BsonValue UpperOfType(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => double.PositiveInfinity,
        BsonType.DateTime => new BsonDateTime(DateTime.MaxValue),
        _ => BsonMaxKey.Value,
    };

    private static BsonValue LowerOfType(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => double.NegativeInfinity,
        BsonType.DateTime => new BsonDateTime(DateTime.MinValue),
        _ => BsonMinKey.Value,
    };
}
