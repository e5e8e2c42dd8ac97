using System.Globalization;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Planner;

internal enum BoundKind
{
    /// <summary>Just before every value of <see cref="IndexBound.Rank"/>.</summary>
    RankStart = -1,
    Value = 0,

    /// <summary>Just after every value of <see cref="IndexBound.Rank"/>.</summary>
    RankEnd = 1,
}

/// <summary>One end of an interval of key values, in MongoDB's value order.</summary>
internal readonly record struct IndexBound(BoundKind Kind, BsonValue? Value, BsonTypeRank Rank, bool Inclusive)
{
    public static IndexBound At(BsonValue value, bool inclusive) => new(BoundKind.Value, value, BsonTypeOrder.RankOf(value), inclusive);

    public static IndexBound StartOf(BsonTypeRank rank) => new(BoundKind.RankStart, null, rank, false);

    public static IndexBound EndOf(BsonTypeRank rank) => new(BoundKind.RankEnd, null, rank, false);

    /// <summary>Where <paramref name="value"/> lies relative to this bound's position (0 only for an equal value bound).</summary>
    public int CompareValue(BsonValue value)
    {
        switch (Kind)
        {
            case BoundKind.RankStart:
                return BsonTypeOrder.RankOf(value) < Rank ? -1 : 1;
            case BoundKind.RankEnd:
                return BsonTypeOrder.RankOf(value) <= Rank ? -1 : 1;
            default:
                var byValue = BsonValueComparer.Instance.Compare(value, Value);
                return byValue < 0 ? -1 : byValue > 0 ? 1 : 0;
        }
    }

    /// <summary>Orders bound positions, ignoring inclusivity.</summary>
    public static int ComparePositions(IndexBound x, IndexBound y)
    {
        if (x.Rank != y.Rank) return x.Rank < y.Rank ? -1 : 1;
        if (x.Kind != y.Kind) return x.Kind < y.Kind ? -1 : 1;
        return x.Kind == BoundKind.Value ? Math.Sign(BsonValueComparer.Instance.Compare(x.Value, y.Value)) : 0;
    }

    public override string ToString() => Kind switch
    {
        BoundKind.RankStart => RankName(Rank, start: true),
        BoundKind.RankEnd => RankName(Rank, start: false),
        _ => Format(Value!),
    };

    private static string RankName(BsonTypeRank rank, bool start) => rank switch
    {
        BsonTypeRank.Number => start ? "-inf.0" : "inf.0",
        BsonTypeRank.String => start ? "\"\"" : "{}",
        BsonTypeRank.MinKey => "MinKey",
        BsonTypeRank.MaxKey => "MaxKey",
        _ => (start ? "start of " : "end of ") + rank.ToString(),
    };

    private static string Format(BsonValue value) => value.BsonType switch
    {
        BsonType.String => "\"" + value.AsString + "\"",
        BsonType.Double => value.AsDouble.ToString("0.0##############", CultureInfo.InvariantCulture),
        BsonType.ObjectId => $"ObjectId('{value.AsObjectId}')",
        BsonType.DateTime => $"new Date({value.AsBsonDateTime.MillisecondsSinceEpoch})",
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>A closed, open or half-open interval of values for one index field (value order, Low &lt;= High).</summary>
internal readonly record struct FieldInterval(IndexBound Low, IndexBound High)
{
    public static FieldInterval Point(BsonValue value) => new(IndexBound.At(value, true), IndexBound.At(value, true));

    public static FieldInterval All { get; } = new(IndexBound.StartOf(BsonTypeRank.MinKey), IndexBound.EndOf(BsonTypeRank.MaxKey));

    public bool IsPoint => Low.Kind == BoundKind.Value && High.Kind == BoundKind.Value && Low.Inclusive && High.Inclusive
        && BsonValueComparer.Instance.Equals(Low.Value, High.Value);

    public bool IsEmpty
    {
        get
        {
            var byPosition = IndexBound.ComparePositions(Low, High);
            return byPosition > 0 || (byPosition == 0 && Low.Kind == BoundKind.Value && !(Low.Inclusive && High.Inclusive));
        }
    }

    public bool Contains(BsonValue value)
    {
        var byLow = Low.CompareValue(value);
        if (byLow < 0 || (byLow == 0 && !Low.Inclusive)) return false;
        var byHigh = High.CompareValue(value);
        return byHigh < 0 || (byHigh == 0 && High.Inclusive);
    }

    /// <summary>The intersection of two intervals (possibly empty).</summary>
    public FieldInterval Intersect(FieldInterval other)
    {
        var low = Later(Low, other.Low);
        var high = Earlier(High, other.High);
        return new FieldInterval(low, high);
    }

    /// <summary>-1 before the start, 0 at an inclusive start, 1 after it; in index order (descending fields flip).</summary>
    public int CompareToStart(BsonValue value, bool descending)
    {
        var start = descending ? High : Low;
        var position = start.CompareValue(value) * (descending ? -1 : 1);
        return position != 0 ? position : start.Inclusive ? 0 : -1;
    }

    /// <summary>-1 before the end, 0 at an inclusive end, 1 past it; in index order.</summary>
    public int CompareToEnd(BsonValue value, bool descending)
    {
        var end = descending ? Low : High;
        var position = end.CompareValue(value) * (descending ? -1 : 1);
        return position != 0 ? position : end.Inclusive ? 0 : 1;
    }

    /// <summary>As explain shows bounds: <c>[5, inf.0]</c>, <c>(5, 10)</c>; type edges print as inclusive.</summary>
    public override string ToString() =>
        (Low.Inclusive || Low.Kind != BoundKind.Value ? "[" : "(") + Low + ", " + High + (High.Inclusive || High.Kind != BoundKind.Value ? "]" : ")");

    private static IndexBound Later(IndexBound x, IndexBound y)
    {
        var byPosition = IndexBound.ComparePositions(x, y);
        if (byPosition != 0) return byPosition > 0 ? x : y;
        return x.Inclusive ? y : x;
    }

    private static IndexBound Earlier(IndexBound x, IndexBound y)
    {
        var byPosition = IndexBound.ComparePositions(x, y);
        if (byPosition != 0) return byPosition < 0 ? x : y;
        return x.Inclusive ? y : x;
    }
}
