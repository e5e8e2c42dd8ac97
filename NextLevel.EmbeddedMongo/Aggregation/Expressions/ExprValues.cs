using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary>Value rules shared by all operators: nullish, truthiness, type names and missing-aware comparison.</summary>
internal static class ExprValues
{
    /// <summary>Null, undefined or missing: the values most operators turn into a null result.</summary>
    public static bool IsNullish(BsonValue? value) => value is null || value.IsBsonNull || value.IsBsonUndefined;

    /// <summary>Aggregation truthiness: false, null, undefined, missing and numeric zero are false; everything else is true.</summary>
    public static bool IsTrue(BsonValue? value) => value switch
    {
        null => false,
        BsonBoolean b => b.Value,
        BsonNull or BsonUndefined => false,
        BsonInt32 i => i.Value != 0,
        BsonInt64 l => l.Value != 0,
        BsonDouble d => d.Value != 0,
        BsonDecimal128 m => !Decimal128.IsZero(m.Value),
        _ => true,
    };

    /// <summary>The name $type reports.</summary>
    public static string TypeName(BsonValue? value) => Bson.BsonTypeNames.Of(value);

    /// <summary>
    /// Expression comparison: like <see cref="BsonValueComparer"/>, except that missing sorts below null
    /// (with undefined), so <c>{ $eq: ["$absent", null] }</c> is false as in MongoDB.
    /// </summary>
    public static int Compare(BsonValue? x, BsonValue? y)
    {
        if (x is null || y is null)
        {
            if (x is null && y is null) return 0;
            var other = x ?? y!;
            var otherRank = BsonTypeOrder.RankOf(other);
            var sign = x is null ? -1 : 1;
            if (otherRank == BsonTypeRank.Undefined) return 0;
            return otherRank < BsonTypeRank.Undefined ? -sign : sign;
        }
        return BsonValueComparer.Instance.Compare(x, y);
    }

    /// <summary>A value for error messages, in the shell-like form MongoDB prints.</summary>
    public static string Describe(BsonValue? value) => value is null ? "missing" : value.ToJson();

    /// <summary>Values that are dates for date operators: dates, ObjectIds (their timestamp) and Timestamps (their seconds).</summary>
    public static bool TryGetDate(BsonValue? value, out DateTime date)
    {
        switch (value)
        {
            case BsonDateTime dt:
                date = ToDateTime(dt);
                return true;
            case BsonObjectId oid:
                date = DateTime.UnixEpoch.AddSeconds(oid.Value.Timestamp);
                return true;
            case BsonTimestamp ts:
                date = DateTime.UnixEpoch.AddSeconds(ts.Timestamp);
                return true;
            default:
                date = default;
                return false;
        }
    }

    /// <summary>Milliseconds since the epoch as a BSON date, which may lie outside DateTime's range.</summary>
    public static BsonDateTime DateFromMillis(long millis) => new(millis);

    /// <summary>Milliseconds since the epoch, rounded toward negative infinity like BSON dates.</summary>
    public static long MillisOf(DateTime utc)
    {
        var ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        return ticks >= 0 ? ticks / TimeSpan.TicksPerMillisecond : -((-ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond);
    }

    /// <summary>The UTC DateTime of a BSON date (clamped to DateTime's range).</summary>
    public static DateTime ToDateTime(BsonDateTime value)
    {
        var millis = Math.Clamp(value.MillisecondsSinceEpoch, -62135596800000L, 253402300799999L);
        return DateTime.UnixEpoch.AddTicks(millis * TimeSpan.TicksPerMillisecond);
    }
}
