using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>Set operators over arrays: duplicates are ignored and results keep first-seen order.</summary>
internal static class SetOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$setUnion"] = Args.Variadic((_, values) =>
        {
            if (values.Any(ExprValues.IsNullish)) return BsonNull.Value;
            return Distinct(values.SelectMany((v, i) => RequireArray(v, 17043, "All operands of $setUnion must be arrays.")));
        });
        table["$setIntersection"] = Args.Variadic((_, values) =>
        {
            if (values.Any(ExprValues.IsNullish)) return BsonNull.Value;
            var arrays = values.Select(v => RequireArray(v, 17047, "All operands of $setIntersection must be arrays.")).ToArray();
            if (arrays.Length == 0) return new BsonArray();
            var sets = arrays.Skip(1).Select(a => new HashSet<BsonValue?>(a, BsonValueComparer.Instance)).ToArray();
            return Distinct(arrays[0].Where(v => sets.All(s => s.Contains(v))));
        });
        table["$setDifference"] = Args.Fixed(2, values =>
        {
            if (values.Any(ExprValues.IsNullish)) return BsonNull.Value;
            var first = RequireArray(values[0], 17048, "both operands of $setDifference must be arrays.", "First");
            var second = new HashSet<BsonValue?>(RequireArray(values[1], 17049, "both operands of $setDifference must be arrays.", "Second"), BsonValueComparer.Instance);
            return Distinct(first.Where(v => !second.Contains(v)));
        });
        table["$setEquals"] = (name, argument) => new FunctionExpr(name, Args.Positional(name, argument, 2, int.MaxValue), values =>
        {
            var sets = values.Select(v => new HashSet<BsonValue?>(RequireArray(v, 17044, "All operands of $setEquals must be arrays."), BsonValueComparer.Instance)).ToArray();
            return sets.All(s => s.SetEquals(sets[0]));
        });
        table["$setIsSubset"] = Args.Fixed(2, values =>
        {
            var first = RequireArray(values[0], 17046, "both operands of $setIsSubset must be arrays.", "First");
            var second = new HashSet<BsonValue?>(RequireArray(values[1], 17042, "both operands of $setIsSubset must be arrays.", "Second"), BsonValueComparer.Instance);
            return first.All(second.Contains);
        });
    }

    private static BsonArray RequireArray(BsonValue? value, int code, string message, string? which = null) =>
        value as BsonArray ?? throw MongoError.Location(code, which is null
            ? $"{message} One argument is of type: {ExprValues.TypeName(value)}"
            : $"{message} {which} argument is of type: {ExprValues.TypeName(value)}");

    private static BsonArray Distinct(IEnumerable<BsonValue> values)
    {
        var seen = new HashSet<BsonValue?>(BsonValueComparer.Instance);
        var result = new BsonArray();
        foreach (var value in values)
        {
            if (seen.Add(value)) result.Add(value);
        }
        return result;
    }
}
