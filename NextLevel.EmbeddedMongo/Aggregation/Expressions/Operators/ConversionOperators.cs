using System.Globalization;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>$convert and its shorthands ($toInt, $toString, ...), $type and $isNumber.</summary>
internal static class ConversionOperators
{
    private const int ConversionFailure = 241;

    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$convert"] = ParseConvert;
        Shorthand(table, "$toString", BsonType.String);
        Shorthand(table, "$toInt", BsonType.Int32);
        Shorthand(table, "$toLong", BsonType.Int64);
        Shorthand(table, "$toDouble", BsonType.Double);
        Shorthand(table, "$toDecimal", BsonType.Decimal128);
        Shorthand(table, "$toBool", BsonType.Boolean);
        Shorthand(table, "$toObjectId", BsonType.ObjectId);
        Shorthand(table, "$toDate", BsonType.DateTime);
        table["$type"] = Args.Fixed(1, v => ExprValues.TypeName(v[0]));
        table["$isNumber"] = Args.Fixed(1, v => Numeric.IsNumber(v[0]));
    }

    private static void Shorthand(Dictionary<string, OperatorParser> table, string name, BsonType target) =>
        table[name] = Args.Unary((_, value) => ExprValues.IsNullish(value) ? BsonNull.Value : Convert(value!, target));

    private static Expr ParseConvert(string name, BsonValue argument)
    {
        var args = Args.Named(name, argument, ["input", "to"], ["onError", "onNull", "format", "base"], 34441);
        return new NamedFunctionExpr(name, args, get =>
        {
            var input = get("input");
            var toValue = get("to");
            if (ExprValues.IsNullish(toValue)) return BsonNull.Value;
            var target = TargetType(toValue!);
            if (ExprValues.IsNullish(input)) return args.ContainsKey("onNull") ? get("onNull") : BsonNull.Value;
            try
            {
                return Convert(input!, target);
            }
            catch (MongoError error) when (error.Code == ConversionFailure && args.ContainsKey("onError"))
            {
                return get("onError");
            }
        });
    }

    private static BsonType TargetType(BsonValue to)
    {
        if (to is BsonString s)
        {
            return s.Value switch
            {
                "double" => BsonType.Double,
                "string" => BsonType.String,
                "objectId" => BsonType.ObjectId,
                "bool" => BsonType.Boolean,
                "date" => BsonType.DateTime,
                "int" => BsonType.Int32,
                "long" => BsonType.Int64,
                "decimal" => BsonType.Decimal128,
                "object" or "array" or "binData" or "undefined" or "null" or "regex" or "dbPointer" or "javascript" or "symbol"
                    or "javascriptWithScope" or "timestamp" or "minKey" or "maxKey" =>
                    throw new MongoError(ConversionFailure, "ConversionFailure", $"Unsupported conversion to {s.Value} in $convert"),
                _ => throw MongoError.BadValue($"Unknown type name: {s.Value}"),
            };
        }
        if (Numeric.TryGetInt(to, out var code))
        {
            return TypeCodes.TryGetValue(code, out var type) ? type
                : throw new MongoError(ConversionFailure, "ConversionFailure", $"Unsupported conversion to type code {code} in $convert");
        }
        throw MongoError.Location(50744, $"$convert's 'to' argument must be a string or number, but is {ExprValues.TypeName(to)}");
    }

    /// <summary>The BSON type codes $convert accepts as 'to'.</summary>
    private static readonly Dictionary<int, BsonType> TypeCodes = new()
    {
        [1] = BsonType.Double,
        [2] = BsonType.String,
        [7] = BsonType.ObjectId,
        [8] = BsonType.Boolean,
        [9] = BsonType.DateTime,
        [16] = BsonType.Int32,
        [18] = BsonType.Int64,
        [19] = BsonType.Decimal128,
    };

    private static string TargetName(BsonType type) => type switch
    {
        BsonType.Double => "double",
        BsonType.String => "string",
        BsonType.ObjectId => "objectId",
        BsonType.Boolean => "bool",
        BsonType.DateTime => "date",
        BsonType.Int32 => "int",
        BsonType.Int64 => "long",
        _ => "decimal",
    };

    private static MongoError Unsupported(BsonValue input, BsonType target) =>
        new(ConversionFailure, "ConversionFailure",
            $"Unsupported conversion from {ExprValues.TypeName(input)} to {TargetName(target)} in $convert with no onError value");

    private static MongoError Failed(string message) => new(ConversionFailure, "ConversionFailure", message + " in $convert with no onError value");

    /// <summary>Converts a non-null value to the target type, or throws ConversionFailure (241).</summary>
    public static BsonValue Convert(BsonValue input, BsonType target) => target switch
    {
        BsonType.Double => ToDouble(input),
        BsonType.String => ToStringValue(input),
        BsonType.ObjectId => ToObjectId(input),
        BsonType.Boolean => ToBool(input),
        BsonType.DateTime => ToDate(input),
        BsonType.Int32 => ToInt(input),
        BsonType.Int64 => ToLong(input),
        BsonType.Decimal128 => ToDecimal(input),
        _ => throw Unsupported(input, target),
    };

    private static BsonValue ToDouble(BsonValue input) => input switch
    {
        BsonDouble => input,
        BsonInt32 or BsonInt64 => new BsonDouble(Numeric.ToDouble(input)),
        BsonDecimal128 m => new BsonDouble(Decimal128.ToDouble(m.Value)),
        BsonBoolean b => new BsonDouble(b.Value ? 1 : 0),
        BsonDateTime d => new BsonDouble(d.MillisecondsSinceEpoch),
        BsonString s => double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? new BsonDouble(d)
            : throw Failed($"Failed to parse number '{s.Value}'"),
        _ => throw Unsupported(input, BsonType.Double),
    };

    private static BsonValue ToInt(BsonValue input)
    {
        switch (input)
        {
            case BsonInt32:
                return input;
            case BsonBoolean b:
                return new BsonInt32(b.Value ? 1 : 0);
            case BsonString s:
                return int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? new BsonInt32(parsed)
                    : throw Failed($"Failed to parse number '{s.Value}'");
            case BsonInt64 or BsonDouble or BsonDecimal128:
                var truncated = Truncate(input);
                if (truncated is < int.MinValue or > int.MaxValue) throw Failed($"Conversion would overflow target type");
                return new BsonInt32((int)truncated);
            default:
                throw Unsupported(input, BsonType.Int32);
        }
    }

    private static BsonValue ToLong(BsonValue input)
    {
        switch (input)
        {
            case BsonInt64:
                return input;
            case BsonInt32 i:
                return new BsonInt64(i.Value);
            case BsonBoolean b:
                return new BsonInt64(b.Value ? 1 : 0);
            case BsonDateTime d:
                return new BsonInt64(d.MillisecondsSinceEpoch);
            case BsonString s:
                return long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? new BsonInt64(parsed)
                    : throw Failed($"Failed to parse number '{s.Value}'");
            case BsonDouble or BsonDecimal128:
                var truncated = Truncate(input);
                if (truncated is < long.MinValue or > long.MaxValue) throw Failed("Conversion would overflow target type");
                return new BsonInt64((long)truncated);
            default:
                throw Unsupported(input, BsonType.Int64);
        }
    }

    /// <summary>The value truncated toward zero; NaN and infinities cannot become integers.</summary>
    private static decimal Truncate(BsonValue number)
    {
        if (number is BsonDouble d)
        {
            if (double.IsNaN(d.Value) || double.IsInfinity(d.Value))
                throw Failed("Attempt to convert NaN or infinity value to integer");
            if (Math.Abs(d.Value) >= 7.9e28) throw Failed("Conversion would overflow target type");
            return decimal.Truncate((decimal)Math.Truncate(d.Value));
        }
        if (number is BsonDecimal128 m)
        {
            if (Decimal128.IsNaN(m.Value) || Decimal128.IsInfinity(m.Value))
                throw Failed("Attempt to convert NaN or infinity value to integer");
            try
            {
                return decimal.Truncate(Decimal128.ToDecimal(m.Value));
            }
            catch (OverflowException)
            {
                throw Failed("Conversion would overflow target type");
            }
        }
        return Numeric.ToLong(number);
    }

    private static BsonValue ToDecimal(BsonValue input) => input switch
    {
        BsonDecimal128 => input,
        BsonInt32 or BsonInt64 => Numeric.FromDecimal(Numeric.ToLong(input)),
        BsonDouble d => double.IsNaN(d.Value) ? new BsonDecimal128(Decimal128.QNaN)
            : double.IsPositiveInfinity(d.Value) ? new BsonDecimal128(Decimal128.PositiveInfinity)
            : double.IsNegativeInfinity(d.Value) ? new BsonDecimal128(Decimal128.NegativeInfinity)
            : new BsonDecimal128(Decimal128.Parse(d.Value.ToString("R", CultureInfo.InvariantCulture))),
        BsonBoolean b => Numeric.FromDecimal(b.Value ? 1 : 0),
        BsonDateTime dt => Numeric.FromDecimal(dt.MillisecondsSinceEpoch),
        BsonString s => Decimal128.TryParse(s.Value, out var parsed)
            ? new BsonDecimal128(parsed)
            : throw Failed($"Failed to parse number '{s.Value}'"),
        _ => throw Unsupported(input, BsonType.Decimal128),
    };

    private static BsonValue ToBool(BsonValue input) => input switch
    {
        BsonBoolean => input,
        BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128 => ExprValues.IsTrue(input),
        _ => true,
    };

    private static BsonValue ToObjectId(BsonValue input) => input switch
    {
        BsonObjectId => input,
        BsonString s => s.Value.Length == 24 && ObjectId.TryParse(s.Value, out var id)
            ? new BsonObjectId(id)
            : throw Failed($"Failed to parse objectId '{s.Value}'"),
        _ => throw Unsupported(input, BsonType.ObjectId),
    };

    private static BsonValue ToDate(BsonValue input)
    {
        switch (input)
        {
            case BsonDateTime:
                return input;
            case BsonInt64 l:
                return new BsonDateTime(l.Value);
            case BsonDouble or BsonDecimal128:
                var millis = Truncate(input);
                if (millis is < long.MinValue or > long.MaxValue) throw Failed("Conversion would overflow target type");
                return new BsonDateTime((long)millis);
            case BsonObjectId or BsonTimestamp:
                ExprValues.TryGetDate(input, out var date);
                return DateArgs.ToBson(date);
            case BsonString s:
                return DateOperators.TryParseFreeForm(s.Value, DateZone.Utc, out var utc)
                    ? DateArgs.ToBson(utc)
                    : throw Failed($"Error parsing date string '{s.Value}'");
            default:
                throw Unsupported(input, BsonType.DateTime);
        }
    }

    private static BsonValue ToStringValue(BsonValue input) => input switch
    {
        BsonString => input,
        BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128 => NumberToString(input),
        BsonBoolean b => b.Value ? "true" : "false",
        BsonObjectId id => id.Value.ToString(),
        BsonDateTime d => DateToString(d),
        BsonSymbol sym => sym.Name,
        _ => throw Unsupported(input, BsonType.String),
    };

    /// <summary>Numbers as the server prints them: shortest round-trip form, "e" exponents.</summary>
    internal static string NumberToString(BsonValue number) => number switch
    {
        BsonInt32 i => i.Value.ToString(CultureInfo.InvariantCulture),
        BsonInt64 l => l.Value.ToString(CultureInfo.InvariantCulture),
        BsonDouble d => double.IsNaN(d.Value) ? "NaN"
            : double.IsPositiveInfinity(d.Value) ? "Infinity"
            : double.IsNegativeInfinity(d.Value) ? "-Infinity"
            : d.Value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal),
        BsonDecimal128 m => m.Value.ToString(),
        _ => number.ToString() ?? string.Empty,
    };

    internal static string DateToString(BsonDateTime date) =>
        DateFormat.Format(ExprValues.ToDateTime(date), DateZone.Utc, DateFormat.Default);
}
