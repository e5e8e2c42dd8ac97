using System.Globalization;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>
/// $round (half to even) and $trunc (toward zero) to a number of decimal places in [-20, 100].
/// Doubles are rounded through their shortest exact-enough decimal form, so 2.675 (really 2.67499...) rounds down
/// as it does on the server, which works on a 34-digit decimal image of the double.
/// </summary>
internal static class Rounding
{
    public static BsonValue? Round(string name, BsonValue? value, BsonValue? placeValue, MidpointRounding mode)
    {
        if (ExprValues.IsNullish(value) || (placeValue is not null && ExprValues.IsNullish(placeValue))) return BsonNull.Value;
        if (!Numeric.IsNumber(value))
            throw MongoError.Location(51081, $"{name} only supports numeric types, not {ExprValues.TypeName(value)}");
        var place = 0L;
        if (placeValue is not null && (!Numeric.TryGetLong(placeValue, out place) || place < -20 || place > 100))
            throw MongoError.Location(51083, $"{name} requires \"place\" argument to be an integer between -20 and 100");

        switch (value)
        {
            case BsonInt32 or BsonInt64:
                if (place >= 0) return value;
                var integral = Numeric.ToLong(value!);
                var rounded = RoundDecimal(integral, (int)place, mode);
                if (rounded < long.MinValue || rounded > long.MaxValue) return new BsonDouble((double)rounded);
                return value is BsonInt32 ? Numeric.FromLong((long)rounded) : new BsonInt64((long)rounded);
            case BsonDouble d:
                if (double.IsNaN(d.Value) || double.IsInfinity(d.Value) || place > 15) return d;
                if (Math.Abs(d.Value) >= 7.9e27) return d;
                var exact = decimal.Parse(d.Value.ToString("G17", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
                return new BsonDouble((double)RoundDecimal(exact, (int)place, mode));
            default:
                var dec128 = value!.AsDecimal128;
                if (Decimal128.IsNaN(dec128) || Decimal128.IsInfinity(dec128) || place > 28) return value;
                return Numeric.FromDecimal(RoundDecimal(Decimal128.ToDecimal(dec128), (int)place, mode));
        }
    }

    private static decimal RoundDecimal(decimal value, int place, MidpointRounding mode)
    {
        if (place >= 0) return Math.Round(value, place, mode);
        if (place < -28) return 0m;
        var factor = 1m;
        for (var i = 0; i < -place; i++) factor *= 10m;
        return Math.Round(value / factor, 0, mode) * factor;
    }
}
