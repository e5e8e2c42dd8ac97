using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Update.Values;

/// <summary>
/// Addition and multiplication with the server's type promotion for $inc and $mul: int op int stays int unless
/// it overflows (then long); long overflow has no representable result (null); any double makes a double;
/// any decimal makes a decimal.
/// </summary>
internal static class NumberArithmetic
{
    public static BsonValue? Add(BsonValue left, BsonValue right) => Combine(left, right, Operation.Add);

    public static BsonValue? Multiply(BsonValue left, BsonValue right) => Combine(left, right, Operation.Multiply);

    private enum Operation { Add, Multiply }

    private static BsonValue? Combine(BsonValue left, BsonValue right, Operation operation)
    {
        if (left.BsonType == BsonType.Decimal128 || right.BsonType == BsonType.Decimal128)
        {
            var a = ToDecimal128(left);
            var b = ToDecimal128(right);
            return new BsonDecimal128(operation == Operation.Add ? DecimalAdd(a, b) : DecimalMultiply(a, b));
        }

        if (left.BsonType == BsonType.Double || right.BsonType == BsonType.Double)
        {
            var a = left.ToDouble();
            var b = right.ToDouble();
            return new BsonDouble(operation == Operation.Add ? a + b : a * b);
        }

        if (left.BsonType == BsonType.Int32 && right.BsonType == BsonType.Int32)
        {
            long wide = operation == Operation.Add ? (long)left.AsInt32 + right.AsInt32 : (long)left.AsInt32 * right.AsInt32;
            return wide is >= int.MinValue and <= int.MaxValue ? new BsonInt32((int)wide) : new BsonInt64(wide);
        }

        var x = left.ToInt64();
        var y = right.ToInt64();
        try
        {
            return new BsonInt64(operation == Operation.Add ? checked(x + y) : checked(x * y));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static Decimal128 ToDecimal128(BsonValue value) => value.BsonType switch
    {
        BsonType.Decimal128 => value.AsDecimal128,
        BsonType.Int32 => new Decimal128(value.AsInt32),
        BsonType.Int64 => new Decimal128(value.AsInt64),
        _ => DoubleToDecimal128(value.AsDouble),
    };

    private static Decimal128 DoubleToDecimal128(double d)
    {
        if (double.IsNaN(d)) return Decimal128.QNaN;
        if (double.IsPositiveInfinity(d)) return Decimal128.PositiveInfinity;
        if (double.IsNegativeInfinity(d)) return Decimal128.NegativeInfinity;
        // The server converts doubles to decimal with 15 significant digits.
        return Decimal128.Parse(d.ToString("G15", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Decimal128 DecimalAdd(Decimal128 a, Decimal128 b)
    {
        if (TrySpecial(a, b, out var special, multiply: false)) return special;
        try
        {
            return new Decimal128(Decimal128.ToDecimal(a) + Decimal128.ToDecimal(b));
        }
        catch (OverflowException)
        {
            return Decimal128.Parse((Decimal128.ToDouble(a) + Decimal128.ToDouble(b)).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static Decimal128 DecimalMultiply(Decimal128 a, Decimal128 b)
    {
        if (TrySpecial(a, b, out var special, multiply: true)) return special;
        try
        {
            return new Decimal128(Decimal128.ToDecimal(a) * Decimal128.ToDecimal(b));
        }
        catch (OverflowException)
        {
            return Decimal128.Parse((Decimal128.ToDouble(a) * Decimal128.ToDouble(b)).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>NaN and infinities follow IEEE rules; System.Decimal cannot represent them.</summary>
    private static bool TrySpecial(Decimal128 a, Decimal128 b, out Decimal128 result, bool multiply)
    {
        result = default;
        if (!Decimal128.IsNaN(a) && !Decimal128.IsInfinity(a) && !Decimal128.IsNaN(b) && !Decimal128.IsInfinity(b)) return false;
        var da = Decimal128.IsNaN(a) ? double.NaN : Decimal128.ToDouble(a);
        var db = Decimal128.IsNaN(b) ? double.NaN : Decimal128.ToDouble(b);
        var d = multiply ? da * db : da + db;
        result = double.IsNaN(d) ? Decimal128.QNaN : double.IsPositiveInfinity(d) ? Decimal128.PositiveInfinity
            : double.IsNegativeInfinity(d) ? Decimal128.NegativeInfinity : new Decimal128(0);
        return true;
    }
}
