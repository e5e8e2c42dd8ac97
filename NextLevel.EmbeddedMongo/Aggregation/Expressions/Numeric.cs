using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions;

/// <summary>The width of a numeric result; operations widen to the wider operand, as MongoDB does.</summary>
internal enum NumericKind { Int = 0, Long = 1, Double = 2, Decimal = 3 }

/// <summary>Arithmetic with MongoDB's type promotion: int overflows to long, long overflows to double, decimal wins.</summary>
internal static class Numeric
{
    public static bool IsNumber(BsonValue? value) =>
        value is BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128;

    public static NumericKind KindOf(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 => NumericKind.Int,
        BsonType.Int64 => NumericKind.Long,
        BsonType.Double => NumericKind.Double,
        _ => NumericKind.Decimal,
    };

    public static double ToDouble(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 => value.AsInt32,
        BsonType.Int64 => value.AsInt64,
        BsonType.Double => value.AsDouble,
        BsonType.Decimal128 => Decimal128.ToDouble(value.AsDecimal128),
        _ => throw new InvalidCastException(value.BsonType.ToString()),
    };

    public static decimal ToDecimal(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 => value.AsInt32,
        BsonType.Int64 => value.AsInt64,
        BsonType.Double => (decimal)value.AsDouble,
        BsonType.Decimal128 => Decimal128.ToDecimal(value.AsDecimal128),
        _ => throw new InvalidCastException(value.BsonType.ToString()),
    };

    public static long ToLong(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 => value.AsInt32,
        BsonType.Int64 => value.AsInt64,
        BsonType.Double => (long)value.AsDouble,
        BsonType.Decimal128 => (long)Decimal128.ToDecimal(value.AsDecimal128),
        _ => throw new InvalidCastException(value.BsonType.ToString()),
    };

    /// <summary>The value as a 32-bit integer when it is integral and in range (any numeric type).</summary>
    public static bool TryGetInt(BsonValue? value, out int result)
    {
        result = 0;
        if (!TryGetLong(value, out var l) || l < int.MinValue || l > int.MaxValue) return false;
        result = (int)l;
        return true;
    }

    /// <summary>The value as a 64-bit integer when it is integral and in range (any numeric type).</summary>
    public static bool TryGetLong(BsonValue? value, out long result)
    {
        result = 0;
        switch (value)
        {
            case BsonInt32 i: result = i.Value; return true;
            case BsonInt64 l: result = l.Value; return true;
            case BsonDouble d:
                if (double.IsNaN(d.Value) || Math.Floor(d.Value) != d.Value || d.Value < -9.2233720368547758E18 || d.Value >= 9.2233720368547758E18) return false;
                result = (long)d.Value;
                return true;
            case BsonDecimal128 m:
                if (Decimal128.IsNaN(m.Value) || Decimal128.IsInfinity(m.Value)) return false;
                try
                {
                    var dec = Decimal128.ToDecimal(m.Value);
                    if (decimal.Truncate(dec) != dec || dec < long.MinValue || dec > long.MaxValue) return false;
                    result = (long)dec;
                    return true;
                }
                catch (OverflowException)
                {
                    return false;
                }
            default:
                return false;
        }
    }

    public static BsonValue FromLong(long value) =>
        value is >= int.MinValue and <= int.MaxValue ? new BsonInt32((int)value) : new BsonInt64(value);

    public static BsonValue FromDecimal(decimal value) => new BsonDecimal128(new Decimal128(value));

    /// <summary>
    /// Decimal arithmetic in System.Decimal; values beyond its range (or NaN and infinities) fall back to double
    /// precision and are returned as Decimal128 all the same.
    /// </summary>
    public static BsonValue DecimalOperation(BsonValue a, BsonValue b, Func<decimal, decimal, decimal> exact, Func<double, double, double> approximate)
    {
        try
        {
            return FromDecimal(exact(ToDecimal(a), ToDecimal(b)));
        }
        catch (OverflowException)
        {
            return new BsonDecimal128(new Decimal128(approximate(ToDouble(a), ToDouble(b))));
        }
    }

    /// <summary>A result of the given kind (int narrows only when it fits, else widens to long).</summary>
    public static BsonValue Make(NumericKind kind, long integral) => kind switch
    {
        NumericKind.Int => FromLong(integral),
        _ => new BsonInt64(integral),
    };

    public static BsonValue Add(BsonValue a, BsonValue b)
    {
        var kind = (NumericKind)Math.Max((int)KindOf(a), (int)KindOf(b));
        switch (kind)
        {
            case NumericKind.Int:
            case NumericKind.Long:
                var x = ToLong(a);
                var y = ToLong(b);
                var sum = unchecked(x + y);
                if (((x ^ sum) & (y ^ sum)) < 0) return new BsonDouble((double)x + y);
                return Make(kind, sum);
            case NumericKind.Double:
                return new BsonDouble(ToDouble(a) + ToDouble(b));
            default:
                return DecimalOperation(a, b, (x, y) => x + y, (x, y) => x + y);
        }
    }

    public static BsonValue Subtract(BsonValue a, BsonValue b)
    {
        var kind = (NumericKind)Math.Max((int)KindOf(a), (int)KindOf(b));
        switch (kind)
        {
            case NumericKind.Int:
            case NumericKind.Long:
                var x = ToLong(a);
                var y = ToLong(b);
                var difference = unchecked(x - y);
                if (((x ^ y) & (x ^ difference)) < 0) return new BsonDouble((double)x - y);
                return Make(kind, difference);
            case NumericKind.Double:
                return new BsonDouble(ToDouble(a) - ToDouble(b));
            default:
                return DecimalOperation(a, b, (x, y) => x - y, (x, y) => x - y);
        }
    }

    public static BsonValue Multiply(BsonValue a, BsonValue b)
    {
        var kind = (NumericKind)Math.Max((int)KindOf(a), (int)KindOf(b));
        switch (kind)
        {
            case NumericKind.Int:
            case NumericKind.Long:
                var x = ToLong(a);
                var y = ToLong(b);
                try
                {
                    return Make(kind, checked(x * y));
                }
                catch (OverflowException)
                {
                    return new BsonDouble((double)x * y);
                }
            case NumericKind.Double:
                return new BsonDouble(ToDouble(a) * ToDouble(b));
            default:
                return DecimalOperation(a, b, (x, y) => x * y, (x, y) => x * y);
        }
    }
}
