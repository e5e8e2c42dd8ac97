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
                var d = value.AsDouble;
                if (double.IsNaN(d) || double.IsInfinity(d)) return false;
                dividend = TruncateToLong(d);
                break;
            case BsonType.Decimal128:
                var dec = value.AsDecimal128;
                if (Decimal128.IsNaN(dec) || Decimal128.IsInfinity(dec)) return false;
                dividend = TruncateToLong(Decimal128.ToDouble(dec));
                break;
            default:
                return false;
        }
        // long.MinValue % -1 overflows in .NET; mathematically the remainder is 0.
        var actual = divisor == -1 ? 0 : dividend % divisor;
        return actual == remainder;
    }

    public static long TruncateToLong(double d) =>
        d >= 9.2233720368547758E18 ? long.MaxValue : d <= -9.2233720368547758E18 ? long.MinValue : (long)d;
}
