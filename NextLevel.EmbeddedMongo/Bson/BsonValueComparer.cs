using System.Runtime.CompilerServices;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Bson;

/// <summary>
/// Orders and equates BSON values the way MongoDB does: first by canonical type rank
/// (<see cref="BsonTypeOrder"/>), then by value. Numbers compare across int, long, double and
/// decimal; NaN equals NaN and sorts below every other number. A C# null stands for a missing
/// value and compares equal to BSON null.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class BsonValueComparer : IComparer<BsonValue?>, IEqualityComparer<BsonValue?>
{
    public static readonly BsonValueComparer Instance = new();

    private BsonValueComparer() { }

    public int Compare(BsonValue? x, BsonValue? y)
    {
        // Index seeks and sorts compare mostly values of one type: decide those without ranking.
        var type = x?.GetType();
        if (type is not null && type == y?.GetType())
        {
            if (type == typeof(BsonString)) return Math.Sign(string.CompareOrdinal(((BsonString)x!).Value, ((BsonString)y!).Value));
            if (type == typeof(BsonInt32)) return ((BsonInt32)x!).Value.CompareTo(((BsonInt32)y!).Value);
            if (type == typeof(BsonInt64)) return ((BsonInt64)x!).Value.CompareTo(((BsonInt64)y!).Value);
            if (type == typeof(BsonDateTime)) return ((BsonDateTime)x!).MillisecondsSinceEpoch.CompareTo(((BsonDateTime)y!).MillisecondsSinceEpoch);
            if (type == typeof(BsonObjectId)) return ((BsonObjectId)x!).Value.CompareTo(((BsonObjectId)y!).Value);
        }

        var rankX = BsonTypeOrder.RankOf(x);
        var rankY = BsonTypeOrder.RankOf(y);
        if (rankX != rankY) return rankX < rankY ? -1 : 1;

        return rankX switch
        {
            BsonTypeRank.MinKey or BsonTypeRank.MaxKey or BsonTypeRank.Null or BsonTypeRank.Undefined => 0,
            BsonTypeRank.Number => CompareNumbers(x!, y!),
            BsonTypeRank.String => string.CompareOrdinal(StringOf(x!), StringOf(y!)) switch { < 0 => -1, > 0 => 1, _ => 0 },
            BsonTypeRank.Document => CompareDocuments(x!.AsBsonDocument, y!.AsBsonDocument),
            BsonTypeRank.Array => CompareArrays(x!.AsBsonArray, y!.AsBsonArray),
            BsonTypeRank.Binary => CompareBinary(x!.AsBsonBinaryData, y!.AsBsonBinaryData),
            BsonTypeRank.ObjectId => x!.AsObjectId.CompareTo(y!.AsObjectId),
            BsonTypeRank.Boolean => x!.AsBoolean.CompareTo(y!.AsBoolean),
            BsonTypeRank.DateTime => x!.AsBsonDateTime.MillisecondsSinceEpoch.CompareTo(y!.AsBsonDateTime.MillisecondsSinceEpoch),
            BsonTypeRank.Timestamp => ((ulong)x!.AsBsonTimestamp.Value).CompareTo((ulong)y!.AsBsonTimestamp.Value),
            BsonTypeRank.RegularExpression => CompareRegex(x!.AsBsonRegularExpression, y!.AsBsonRegularExpression),
            BsonTypeRank.JavaScript => string.CompareOrdinal(x!.AsBsonJavaScript.Code, y!.AsBsonJavaScript.Code),
            BsonTypeRank.JavaScriptWithScope => CompareJavaScriptWithScope(x!.AsBsonJavaScriptWithScope, y!.AsBsonJavaScriptWithScope),
            _ => 0,
        };
    }

    public bool Equals(BsonValue? x, BsonValue? y) => Compare(x, y) == 0;

    public int GetHashCode(BsonValue? value)
    {
        var rank = BsonTypeOrder.RankOf(value);
        switch (rank)
        {
            case BsonTypeRank.Number:
                return NumberHash(value!);
            case BsonTypeRank.String:
                return HashCode.Combine(rank, StringOf(value!).GetHashCode(StringComparison.Ordinal));
            case BsonTypeRank.Document:
            {
                var hash = new HashCode();
                foreach (var element in value!.AsBsonDocument)
                {
                    hash.Add(element.Name.GetHashCode(StringComparison.Ordinal));
                    hash.Add(GetHashCode(element.Value));
                }
                return hash.ToHashCode();
            }
            case BsonTypeRank.Array:
            {
                var hash = new HashCode();
                hash.Add(rank);
                foreach (var item in value!.AsBsonArray) hash.Add(GetHashCode(item));
                return hash.ToHashCode();
            }
            case BsonTypeRank.MinKey or BsonTypeRank.MaxKey or BsonTypeRank.Null or BsonTypeRank.Undefined:
                return (int)rank;
            default:
                return HashCode.Combine(rank, value!.GetHashCode());
        }
    }

    /// <summary>Compares two numeric BSON values of any numeric type.</summary>
    public static int CompareNumbers(BsonValue x, BsonValue y)
    {
        var tx = x.BsonType;
        var ty = y.BsonType;
        if (IsIntegral(tx) && IsIntegral(ty)) return x.ToInt64().CompareTo(y.ToInt64());
        if (tx == BsonType.Decimal128 || ty == BsonType.Decimal128) return CompareDecimal128(x, y);
        if (tx == BsonType.Double && ty == BsonType.Double) return CompareDoubles(x.AsDouble, y.AsDouble);
        return tx == BsonType.Double
            ? -CompareLongToDouble(y.ToInt64(), x.AsDouble)
            : CompareLongToDouble(x.ToInt64(), y.AsDouble);
    }

    /// <summary>NaN equals NaN and sorts below every other number, as in MongoDB.</summary>
    public static int CompareDoubles(double a, double b)
    {
        if (a < b) return -1;
        if (a > b) return 1;
        if (a == b) return 0;
        var aNaN = double.IsNaN(a);
        var bNaN = double.IsNaN(b);
        return aNaN == bNaN ? 0 : aNaN ? -1 : 1;
    }

    /// <summary>Exact comparison of a long with a double, without losing precision above 2^53.</summary>
    public static int CompareLongToDouble(long l, double d)
    {
        if (double.IsNaN(d)) return 1;
        if (d >= 9.2233720368547758E18) return -1;
        if (d < -9.2233720368547758E18) return 1;
        var truncated = (long)d;
        if (l != truncated) return l < truncated ? -1 : 1;
        var fraction = d - truncated;
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }

    private static int CompareDecimal128(BsonValue x, BsonValue y)
    {
        var (kindX, decX, dblX) = Decompose(x);
        var (kindY, decY, dblY) = Decompose(y);
        if (kindX != kindY) return kindX < kindY ? -1 : 1;
        if (kindX != NumberKind.Finite) return 0;
        if (decX.HasValue && decY.HasValue) return decX.Value.CompareTo(decY.Value);
        return dblX.CompareTo(dblY);
    }

    private enum NumberKind { NaN, NegativeInfinity, Finite, PositiveInfinity }

    private static (NumberKind Kind, decimal? Exact, double Approx) Decompose(BsonValue value)
    {
        switch (value.BsonType)
        {
            case BsonType.Int32:
            case BsonType.Int64:
                var l = value.ToInt64();
                return (NumberKind.Finite, l, l);
            case BsonType.Double:
                var d = value.AsDouble;
                if (double.IsNaN(d)) return (NumberKind.NaN, null, d);
                if (double.IsPositiveInfinity(d)) return (NumberKind.PositiveInfinity, null, d);
                if (double.IsNegativeInfinity(d)) return (NumberKind.NegativeInfinity, null, d);
                return (NumberKind.Finite, Math.Abs(d) < 7.9e27 ? (decimal)d : null, d);
            default:
                var dec = value.AsDecimal128;
                if (Decimal128.IsNaN(dec)) return (NumberKind.NaN, null, double.NaN);
                if (Decimal128.IsPositiveInfinity(dec)) return (NumberKind.PositiveInfinity, null, double.PositiveInfinity);
                if (Decimal128.IsNegativeInfinity(dec)) return (NumberKind.NegativeInfinity, null, double.NegativeInfinity);
                try
                {
                    var exact = Decimal128.ToDecimal(dec);
                    return (NumberKind.Finite, exact, (double)exact);
                }
                catch (OverflowException)
                {
                    return (NumberKind.Finite, null, Decimal128.ToDouble(dec));
                }
        }
    }

    private static int NumberHash(BsonValue value)
    {
        double d = value.BsonType switch
        {
            BsonType.Int32 or BsonType.Int64 => value.ToInt64(),
            BsonType.Double => value.AsDouble,
            _ => Decimal128.IsNaN(value.AsDecimal128) ? double.NaN : Decimal128.ToDouble(value.AsDecimal128),
        };
        if (double.IsNaN(d)) return int.MinValue;
        if (Math.Abs(d) < 9.2e18 && Math.Floor(d) == d) return ((long)d).GetHashCode();
        return d.GetHashCode();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsIntegral(BsonType type) => type is BsonType.Int32 or BsonType.Int64;

    private static string StringOf(BsonValue value) => value.BsonType == BsonType.Symbol ? value.AsBsonSymbol.Name : value.AsString;

    private int CompareDocuments(BsonDocument x, BsonDocument y)
    {
        var count = Math.Min(x.ElementCount, y.ElementCount);
        for (var i = 0; i < count; i++)
        {
            var ex = x.GetElement(i);
            var ey = y.GetElement(i);
            var rankX = BsonTypeOrder.RankOf(ex.Value);
            var rankY = BsonTypeOrder.RankOf(ey.Value);
            if (rankX != rankY) return rankX < rankY ? -1 : 1;
            var byName = string.CompareOrdinal(ex.Name, ey.Name);
            if (byName != 0) return byName < 0 ? -1 : 1;
            var byValue = Compare(ex.Value, ey.Value);
            if (byValue != 0) return byValue;
        }
        return x.ElementCount.CompareTo(y.ElementCount);
    }

    private int CompareArrays(BsonArray x, BsonArray y)
    {
        var count = Math.Min(x.Count, y.Count);
        for (var i = 0; i < count; i++)
        {
            var byValue = Compare(x[i], y[i]);
            if (byValue != 0) return byValue;
        }
        return x.Count.CompareTo(y.Count);
    }

    private static int CompareBinary(BsonBinaryData x, BsonBinaryData y)
    {
        if (x.Bytes.Length != y.Bytes.Length) return x.Bytes.Length < y.Bytes.Length ? -1 : 1;
        if (x.SubType != y.SubType) return x.SubType < y.SubType ? -1 : 1;
        return x.Bytes.AsSpan().SequenceCompareTo(y.Bytes) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }

    private static int CompareRegex(BsonRegularExpression x, BsonRegularExpression y)
    {
        var byPattern = string.CompareOrdinal(x.Pattern, y.Pattern);
        return byPattern != 0 ? byPattern : string.CompareOrdinal(x.Options, y.Options);
    }

    private int CompareJavaScriptWithScope(BsonJavaScriptWithScope x, BsonJavaScriptWithScope y)
    {
        var byCode = string.CompareOrdinal(x.Code, y.Code);
        return byCode != 0 ? byCode : CompareDocuments(x.Scope, y.Scope);
    }
}
