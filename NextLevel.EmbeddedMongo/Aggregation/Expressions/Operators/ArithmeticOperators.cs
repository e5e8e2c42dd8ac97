using System.Globalization;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>$add, $subtract, $multiply, $divide, $mod and the unary math operators.</summary>
internal static class ArithmeticOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$add"] = Args.Variadic(Add);
        table["$subtract"] = Args.Fixed(2, v => Subtract(v[0], v[1]));
        table["$multiply"] = Args.Variadic(Multiply);
        table["$divide"] = Args.Fixed(2, v => Divide(v[0], v[1]));
        table["$mod"] = Args.Fixed(2, v => Mod(v[0], v[1]));
        table["$abs"] = Args.Unary(Abs);
        table["$ceil"] = Args.Unary((n, v) => IntegralOrApply(n, v, Math.Ceiling, Math.Ceiling));
        table["$floor"] = Args.Unary((n, v) => IntegralOrApply(n, v, Math.Floor, Math.Floor));
        table["$sqrt"] = Args.Unary(Sqrt);
        table["$exp"] = Args.Unary((n, v) => Real(n, v, Math.Exp));
        table["$ln"] = Args.Unary((n, v) => PositiveLog(n, v, 28766, Math.Log));
        table["$log10"] = Args.Unary((n, v) => PositiveLog(n, v, 28761, Math.Log10));
        table["$log"] = Args.Fixed(2, v => Log(v[0], v[1]));
        table["$pow"] = Args.Fixed(2, v => Pow(v[0], v[1]));
        table["$round"] = Args.Range(1, 2, v => Rounding.Round("$round", v[0], v.Length > 1 ? v[1] : null, MidpointRounding.ToEven));
        table["$trunc"] = Args.Range(1, 2, v => Rounding.Round("$trunc", v[0], v.Length > 1 ? v[1] : null, MidpointRounding.ToZero));
    }

    private static BsonValue? Add(string name, BsonValue?[] values)
    {
        BsonValue total = new BsonInt32(0);
        long? dateMillis = null;
        foreach (var value in values)
        {
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (value is BsonDateTime date)
            {
                if (dateMillis.HasValue) throw MongoError.Location(16612, "only one date allowed in an $add expression");
                dateMillis = date.MillisecondsSinceEpoch;
                continue;
            }
            if (!Numeric.IsNumber(value))
                throw MongoError.Location(16554, $"$add only supports numeric or date types, not {ExprValues.TypeName(value)}");
            total = Numeric.Add(total, value!);
        }
        return dateMillis.HasValue ? new BsonDateTime(dateMillis.Value + RoundToLong(total)) : total;
    }

    /// <summary>Milliseconds added to a date are rounded to the nearest integer, like llround.</summary>
    private static long RoundToLong(BsonValue number) => number.BsonType switch
    {
        BsonType.Double => (long)Math.Round(number.AsDouble, MidpointRounding.AwayFromZero),
        BsonType.Decimal128 => (long)Math.Round(Numeric.ToDecimal(number), MidpointRounding.AwayFromZero),
        _ => Numeric.ToLong(number),
    };

    private static BsonValue? Subtract(BsonValue? left, BsonValue? right)
    {
        if (ExprValues.IsNullish(left) || ExprValues.IsNullish(right)) return BsonNull.Value;
        if (Numeric.IsNumber(left) && Numeric.IsNumber(right)) return Numeric.Subtract(left!, right!);
        if (left is BsonDateTime date)
        {
            if (right is BsonDateTime other) return new BsonInt64(date.MillisecondsSinceEpoch - other.MillisecondsSinceEpoch);
            if (Numeric.IsNumber(right)) return new BsonDateTime(date.MillisecondsSinceEpoch - RoundToLong(right!));
            throw MongoError.Location(16613, $"can't $subtract {ExprValues.TypeName(right)} from Date");
        }
        throw MongoError.Location(16556, $"can't $subtract {ExprValues.TypeName(right)} from {ExprValues.TypeName(left)}");
    }

    private static BsonValue? Multiply(string name, BsonValue?[] values)
    {
        BsonValue product = new BsonInt32(1);
        foreach (var value in values)
        {
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (!Numeric.IsNumber(value))
                throw MongoError.Location(16555, $"$multiply only supports numeric types, not {ExprValues.TypeName(value)}");
            product = Numeric.Multiply(product, value!);
        }
        return product;
    }

    private static BsonValue? Divide(BsonValue? left, BsonValue? right)
    {
        if (ExprValues.IsNullish(left) || ExprValues.IsNullish(right)) return BsonNull.Value;
        if (!Numeric.IsNumber(left) || !Numeric.IsNumber(right))
            throw MongoError.Location(16609, $"$divide only supports numeric types, not {ExprValues.TypeName(left)} and {ExprValues.TypeName(right)}");
        if (left is BsonDecimal128 || right is BsonDecimal128)
        {
            if (Numeric.ToDouble(right!) == 0) throw MongoError.BadValue("can't $divide by zero");
            return Numeric.DecimalOperation(left!, right!, (x, y) => x / y, (x, y) => x / y);
        }
        var d = Numeric.ToDouble(right!);
        if (d == 0) throw MongoError.BadValue("can't $divide by zero");
        return new BsonDouble(Numeric.ToDouble(left!) / d);
    }

    private static BsonValue? Mod(BsonValue? left, BsonValue? right)
    {
        if (ExprValues.IsNullish(left) || ExprValues.IsNullish(right)) return BsonNull.Value;
        if (!Numeric.IsNumber(left) || !Numeric.IsNumber(right))
            throw MongoError.Location(16611, $"$mod only supports numeric types, not {ExprValues.TypeName(left)} and {ExprValues.TypeName(right)}");
        var kind = (NumericKind)Math.Max((int)Numeric.KindOf(left!), (int)Numeric.KindOf(right!));
        switch (kind)
        {
            case NumericKind.Int:
            case NumericKind.Long:
                var divisor = Numeric.ToLong(right!);
                if (divisor == 0) throw MongoError.Location(16610, "can't $mod by zero");
                return Numeric.Make(kind, divisor == -1 ? 0 : Numeric.ToLong(left!) % divisor);
            case NumericKind.Double:
                var d = Numeric.ToDouble(right!);
                if (d == 0) throw MongoError.Location(16610, "can't $mod by zero");
                return new BsonDouble(Numeric.ToDouble(left!) % d);
            default:
                if (Numeric.ToDouble(right!) == 0) throw MongoError.Location(16610, "can't $mod by zero");
                return Numeric.DecimalOperation(left!, right!, (x, y) => x % y, (x, y) => x % y);
        }
    }

    private static BsonValue RequireNumber(string name, BsonValue value)
    {
        if (!Numeric.IsNumber(value))
            throw MongoError.Location(28765, $"{name} only supports numeric types, not {ExprValues.TypeName(value)}");
        return value;
    }

    private static BsonValue? Abs(string name, BsonValue? value)
    {
        if (ExprValues.IsNullish(value)) return BsonNull.Value;
        switch (RequireNumber(name, value!))
        {
            case BsonInt32 i:
                return i.Value == int.MinValue ? new BsonInt64(-(long)int.MinValue) : new BsonInt32(Math.Abs(i.Value));
            case BsonInt64 l:
                if (l.Value == long.MinValue) throw MongoError.Location(28680, "can't take $abs of long long min");
                return new BsonInt64(Math.Abs(l.Value));
            case BsonDouble d:
                return new BsonDouble(Math.Abs(d.Value));
            default:
                return Numeric.FromDecimal(Math.Abs(Numeric.ToDecimal(value!)));
        }
    }

    private static BsonValue? IntegralOrApply(string name, BsonValue? value, Func<double, double> onDouble, Func<decimal, decimal> onDecimal)
    {
        if (ExprValues.IsNullish(value)) return BsonNull.Value;
        return RequireNumber(name, value!) switch
        {
            BsonInt32 or BsonInt64 => value,
            BsonDouble d => new BsonDouble(onDouble(d.Value)),
            _ => Numeric.FromDecimal(onDecimal(Numeric.ToDecimal(value!))),
        };
    }

    /// <summary>Operators whose result is a real number: double, or decimal when the input is decimal.</summary>
    private static BsonValue? Real(string name, BsonValue? value, Func<double, double> function)
    {
        if (ExprValues.IsNullish(value)) return BsonNull.Value;
        var result = function(Numeric.ToDouble(RequireNumber(name, value!)));
        return value is BsonDecimal128 ? Numeric.FromDecimal((decimal)result) : new BsonDouble(result);
    }

    private static BsonValue? Sqrt(string name, BsonValue? value)
    {
        if (ExprValues.IsNullish(value)) return BsonNull.Value;
        if (Numeric.ToDouble(RequireNumber(name, value!)) < 0)
            throw MongoError.Location(28714, "$sqrt's argument must be greater than or equal to 0");
        return Real(name, value, Math.Sqrt);
    }

    private static BsonValue? PositiveLog(string name, BsonValue? value, int code, Func<double, double> function)
    {
        if (ExprValues.IsNullish(value)) return BsonNull.Value;
        var d = Numeric.ToDouble(RequireNumber(name, value!));
        if (!(d > 0) && !double.IsNaN(d)) throw MongoError.Location(code, $"{name}'s argument must be a positive number, but is {FormatNumber(value!)}");
        return Real(name, value, function);
    }

    private static BsonValue? Log(BsonValue? number, BsonValue? logBase)
    {
        if (ExprValues.IsNullish(number) || ExprValues.IsNullish(logBase)) return BsonNull.Value;
        if (!Numeric.IsNumber(number)) throw MongoError.Location(28756, $"$log's argument must be numeric, not {ExprValues.TypeName(number)}");
        if (!Numeric.IsNumber(logBase)) throw MongoError.Location(28757, $"$log's base must be numeric, not {ExprValues.TypeName(logBase)}");
        var n = Numeric.ToDouble(number!);
        var b = Numeric.ToDouble(logBase!);
        if (!(n > 0)) throw MongoError.Location(28758, $"$log's argument must be a positive number, but is {FormatNumber(number!)}");
        if (!(b > 0) || b == 1) throw MongoError.Location(28759, $"$log's base must be a positive number not equal to 1, but is {FormatNumber(logBase!)}");
        var result = Math.Log(n) / Math.Log(b);
        return number is BsonDecimal128 || logBase is BsonDecimal128 ? Numeric.FromDecimal((decimal)result) : new BsonDouble(result);
    }

    private static BsonValue? Pow(BsonValue? baseValue, BsonValue? exponent)
    {
        if (ExprValues.IsNullish(baseValue) || ExprValues.IsNullish(exponent)) return BsonNull.Value;
        if (!Numeric.IsNumber(baseValue)) throw MongoError.Location(28762, $"$pow's base must be numeric, not {ExprValues.TypeName(baseValue)}");
        if (!Numeric.IsNumber(exponent)) throw MongoError.Location(28763, $"$pow's exponent must be numeric, not {ExprValues.TypeName(exponent)}");
        var b = Numeric.ToDouble(baseValue!);
        var e = Numeric.ToDouble(exponent!);
        if (b == 0 && e < 0) throw MongoError.Location(28764, "$pow cannot take a base of 0 and a negative exponent");
        var kind = (NumericKind)Math.Max((int)Numeric.KindOf(baseValue!), (int)Numeric.KindOf(exponent!));
        if (kind == NumericKind.Decimal) return Numeric.FromDecimal((decimal)Math.Pow(b, e));
        if (kind == NumericKind.Double) return new BsonDouble(Math.Pow(b, e));

        var integralBase = Numeric.ToLong(baseValue!);
        var integralExponent = Numeric.ToLong(exponent!);
        if (integralExponent < 0)
        {
            // Only 1 and -1 keep an integral result under a negative exponent.
            if (integralBase == 1) return Numeric.Make(kind, 1);
            if (integralBase == -1) return Numeric.Make(kind, integralExponent % 2 == 0 ? 1 : -1);
            return new BsonDouble(Math.Pow(b, e));
        }
        long result = 1;
        try
        {
            for (long i = 0; i < integralExponent; i++)
            {
                result = checked(result * integralBase);
                if (result == 0 || result == 1) break;
            }
        }
        catch (OverflowException)
        {
            return new BsonDouble(Math.Pow(b, e));
        }
        return Numeric.Make(kind, result);
    }

    internal static string FormatNumber(BsonValue value) => value switch
    {
        BsonDouble d => d.Value.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
