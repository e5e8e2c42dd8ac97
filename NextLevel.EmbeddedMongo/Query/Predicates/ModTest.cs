using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query.Predicates;

/// <summary><c>$mod: [divisor, remainder]</c> on numbers, truncated towards zero to 64-bit integers as MongoDB does.</summary>
internal sealed class ModTest(long divisor, long remainder) : ValueTest
{
    public override bool Test(BsonValue? value, ref int arrayPosition)
    {
        if (value is null) return false;
        long dividend;
        switch (value.BsonType)
        {
            case BsonType.Int32:
            case BsonType.Int64:
                dividend = value.ToInt64();
                break;
            case BsonType.Double:
                if (!TryTruncate(value.AsDouble, out dividend)) return false;
                break;
            case BsonType.Decimal128:
                var dec = value.AsDecimal128;
                if (Decimal128.IsNaN(dec) || Decimal128.IsInfinity(dec)) return false;
                if (!TryTruncate(Decimal128.ToDouble(dec), out dividend)) return false;
                break;
            default:
                return false;
        }
        // long.MinValue % -1 overflows in .NET; mathematically the remainder is 0.
        var actual = divisor == -1 ? 0 : dividend % divisor;
        return actual == remainder;
    }

    /// <summary>A non-finite dividend, or one beyond the 64-bit range, never matches.</summary>
    private static bool TryTruncate(double d, out long result)
    {
        var truncated = Math.Truncate(d);
        if (!double.IsFinite(d) || truncated >= 9.2233720368547758E18 || truncated < -9.2233720368547758E18)
        {
            result = 0;
            return false;
        }
        result = (long)truncated;
        return true;
    }

    public static long TruncateToLong(double d) =>
        d >= 9.2233720368547758E18 ? long.MaxValue : d <= -9.2233720368547758E18 ? long.MinValue : (long)d;
}
