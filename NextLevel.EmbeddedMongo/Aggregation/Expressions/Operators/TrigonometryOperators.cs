using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>Trigonometric and angle operators: double results, decimal for decimal input.</summary>
internal static class TrigonometryOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        Unary(table, "$sin", Math.Sin, double.NegativeInfinity, double.PositiveInfinity, exclusiveInfinity: true);
        Unary(table, "$cos", Math.Cos, double.NegativeInfinity, double.PositiveInfinity, exclusiveInfinity: true);
        Unary(table, "$tan", Math.Tan, double.NegativeInfinity, double.PositiveInfinity, exclusiveInfinity: true);
        Unary(table, "$asin", Math.Asin, -1, 1);
        Unary(table, "$acos", Math.Acos, -1, 1);
        Unary(table, "$atan", Math.Atan, double.NegativeInfinity, double.PositiveInfinity);
        Unary(table, "$sinh", Math.Sinh, double.NegativeInfinity, double.PositiveInfinity);
        Unary(table, "$cosh", Math.Cosh, double.NegativeInfinity, double.PositiveInfinity);
        Unary(table, "$tanh", Math.Tanh, double.NegativeInfinity, double.PositiveInfinity);
        Unary(table, "$asinh", Math.Asinh, double.NegativeInfinity, double.PositiveInfinity);
        Unary(table, "$acosh", Math.Acosh, 1, double.PositiveInfinity);
        Unary(table, "$atanh", Math.Atanh, -1, 1);
        Unary(table, "$degreesToRadians", d => d * Math.PI / 180, double.NegativeInfinity, double.PositiveInfinity);
        Unary(table, "$radiansToDegrees", r => r * 180 / Math.PI, double.NegativeInfinity, double.PositiveInfinity);
        table["$atan2"] = Args.Fixed(2, v =>
        {
            if (ExprValues.IsNullish(v[0]) || ExprValues.IsNullish(v[1])) return BsonNull.Value;
            if (!Numeric.IsNumber(v[0]) || !Numeric.IsNumber(v[1]))
                throw MongoError.Location(51044, $"$atan2 only supports numeric types, not {ExprValues.TypeName(v[0])} and {ExprValues.TypeName(v[1])}");
            var result = Math.Atan2(Numeric.ToDouble(v[0]!), Numeric.ToDouble(v[1]!));
            return v[0] is BsonDecimal128 || v[1] is BsonDecimal128 ? Numeric.FromDecimal((decimal)result) : new BsonDouble(result);
        });
    }

    private static void Unary(Dictionary<string, OperatorParser> table, string name, Func<double, double> function, double min, double max, bool exclusiveInfinity = false)
    {
        table[name] = Args.Unary((_, value) =>
        {
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (!Numeric.IsNumber(value))
                throw MongoError.Location(28765, $"{name} only supports numeric types, not {ExprValues.TypeName(value)}");
            var input = Numeric.ToDouble(value!);
            var outOfRange = exclusiveInfinity ? double.IsInfinity(input) : input < min || input > max;
            if (outOfRange && !double.IsNaN(input))
                throw MongoError.Location(50989, $"cannot apply {name} to {ArithmeticOperators.FormatNumber(value!)}, value must be in [{min},{max}]");
            var result = function(input);
            return value is BsonDecimal128 ? Numeric.FromDecimal((decimal)result) : new BsonDouble(result);
        });
    }
}
