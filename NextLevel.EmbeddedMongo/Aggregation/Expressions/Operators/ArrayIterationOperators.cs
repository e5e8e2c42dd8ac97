using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>$filter, $map, $reduce (per-element sub-expressions with bound variables), $sortArray, $zip and the N-element operators.</summary>
internal static class ArrayIterationOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$filter"] = ParseFilter;
        table["$map"] = ParseMap;
        table["$reduce"] = ParseReduce;
        table["$sortArray"] = ParseSortArray;
        table["$zip"] = ParseZip;
        table["$firstN"] = (name, argument) => ParseN(name, argument, (items, n) => items.Take(n));
        table["$lastN"] = (name, argument) => ParseN(name, argument, (items, n) => items.Skip(Math.Max(0, items.Count - n)));
        table["$maxN"] = (name, argument) => ParseN(name, argument, (items, n) =>
            items.Where(v => !ExprValues.IsNullish(v)).OrderByDescending(v => v, Comparer<BsonValue>.Create((a, b) => ExprValues.Compare(a, b))).Take(n));
        table["$minN"] = (name, argument) => ParseN(name, argument, (items, n) =>
            items.Where(v => !ExprValues.IsNullish(v)).OrderBy(v => v, Comparer<BsonValue>.Create((a, b) => ExprValues.Compare(a, b))).Take(n));
    }

    private static BsonDocument RequireObject(string name, BsonValue argument, int code) =>
        argument as BsonDocument ?? throw MongoError.Location(code, $"{name} only supports an object as its argument");

    /// <summary>Evaluates <paramref name="body"/> with a variable bound, restoring the outer binding afterwards.</summary>
    private static BsonValue? WithVariable(ExprContext context, string variable, BsonValue? value, Expr body)
    {
        var previous = context.Bind(variable, value);
        try
        {
            return body.Evaluate(context);
        }
        finally
        {
            context.Restore(variable, previous);
        }
    }

    private static Expr ParseFilter(string name, BsonValue argument)
    {
        var spec = RequireObject(name, argument, 28646);
        Expr? input = null, cond = null, limit = null;
        var variable = "this";
        foreach (var element in spec)
        {
            switch (element.Name)
            {
                case "input": input = ExprParser.Parse(element.Value); break;
                case "as": variable = VariableOperators.ValidName(element.Value.IsString ? element.Value.AsString : string.Empty); break;
                case "cond": cond = ExprParser.Parse(element.Value); break;
                case "limit": limit = ExprParser.Parse(element.Value); break;
                default: throw MongoError.Location(28647, $"Unrecognized parameter to $filter: {element.Name}");
            }
        }
        if (input is null) throw MongoError.Location(28648, "Missing 'input' parameter to $filter");
        if (cond is null) throw MongoError.Location(28650, "Missing 'cond' parameter to $filter");
        return new LambdaExpr(name, context =>
        {
            var value = input.Evaluate(context);
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (value is not BsonArray items)
                throw MongoError.Location(28651, $"input to $filter must be an array not {ExprValues.TypeName(value)}");
            var max = int.MaxValue;
            if (limit is not null)
            {
                var limitValue = limit.Evaluate(context);
                if (!ExprValues.IsNullish(limitValue))
                {
                    if (!Numeric.TryGetInt(limitValue, out max))
                        throw MongoError.Location(327391, $"$filter: limit must be represented as a 32-bit integral value: {ExprValues.Describe(limitValue)}");
                    if (max < 1) throw MongoError.Location(327392, $"$filter: limit must be greater than 0: {max}");
                }
            }
            var result = new BsonArray();
            foreach (var item in items)
            {
                if (result.Count >= max) break;
                if (ExprValues.IsTrue(WithVariable(context, variable, item, cond))) result.Add(item);
            }
            return result;
        });
    }

    private static Expr ParseMap(string name, BsonValue argument)
    {
        var spec = RequireObject(name, argument, 16878);
        Expr? input = null, body = null;
        var variable = "this";
        foreach (var element in spec)
        {
            switch (element.Name)
            {
                case "input": input = ExprParser.Parse(element.Value); break;
                case "as": variable = VariableOperators.ValidName(element.Value.IsString ? element.Value.AsString : string.Empty); break;
                case "in": body = ExprParser.Parse(element.Value); break;
                default: throw MongoError.Location(16879, $"Unrecognized parameter to $map: {element.Name}");
            }
        }
        if (input is null) throw MongoError.Location(16880, "Missing 'input' parameter to $map");
        if (body is null) throw MongoError.Location(16882, "Missing 'in' parameter to $map");
        return new LambdaExpr(name, context =>
        {
            var value = input.Evaluate(context);
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (value is not BsonArray items)
                throw MongoError.Location(16883, $"input to $map must be an array not {ExprValues.TypeName(value)}");
            var result = new BsonArray(items.Count);
            foreach (var item in items) result.Add(WithVariable(context, variable, item, body) ?? BsonNull.Value);
            return result;
        });
    }

    private static Expr ParseReduce(string name, BsonValue argument)
    {
        var spec = RequireObject(name, argument, 40075);
        Expr? input = null, initial = null, body = null;
        foreach (var element in spec)
        {
            switch (element.Name)
            {
                case "input": input = ExprParser.Parse(element.Value); break;
                case "initialValue": initial = ExprParser.Parse(element.Value); break;
                case "in": body = ExprParser.Parse(element.Value); break;
                default: throw MongoError.Location(40076, $"$reduce found an unknown argument: {element.Name}");
            }
        }
        if (input is null) throw MongoError.Location(40077, "$reduce requires 'input' to be specified");
        if (initial is null) throw MongoError.Location(40078, "$reduce requires 'initialValue' to be specified");
        if (body is null) throw MongoError.Location(40079, "$reduce requires 'in' to be specified");
        return new LambdaExpr(name, context =>
        {
            var value = input.Evaluate(context);
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (value is not BsonArray items)
                throw MongoError.Location(40080, $"$reduce requires that 'input' be an array, found: {ExprValues.Describe(value)}");
            var accumulated = initial.Evaluate(context);
            var previousValue = context.Bind("value", null);
            var previousThis = context.Bind("this", null);
            try
            {
                foreach (var item in items)
                {
                    context.Bind("value", accumulated);
                    context.Bind("this", item);
                    accumulated = body.Evaluate(context);
                }
            }
            finally
            {
                context.Restore("value", previousValue);
                context.Restore("this", previousThis);
            }
            return accumulated;
        });
    }

    private static Expr ParseSortArray(string name, BsonValue argument)
    {
        var spec = RequireObject(name, argument, 2942500);
        Expr? input = null;
        BsonValue? sortBy = null;
        foreach (var element in spec)
        {
            if (element.Name == "input") input = ExprParser.Parse(element.Value);
            else if (element.Name == "sortBy") sortBy = element.Value;
            else throw MongoError.Location(2942501, $"$sortArray found an unknown argument: {element.Name}");
        }
        if (input is null) throw MongoError.Location(2942502, "$sortArray requires 'input' to be specified");
        if (sortBy is null) throw MongoError.Location(2942503, "$sortArray requires 'sortBy' to be specified");
        var comparer = ValueSortComparer.Parse(sortBy);
        return new LambdaExpr(name, context =>
        {
            var value = input.Evaluate(context);
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (value is not BsonArray items)
                throw MongoError.Location(2942504, $"The input argument to $sortArray must be an array, but was of type: {ExprValues.TypeName(value)}");
            return new BsonArray(items.OrderBy(v => v, comparer));
        });
    }

    private static Expr ParseZip(string name, BsonValue argument)
    {
        var spec = RequireObject(name, argument, 34460);
        Expr? inputs = null, defaults = null;
        var useLongest = false;
        foreach (var element in spec)
        {
            switch (element.Name)
            {
                case "inputs": inputs = ExprParser.Parse(element.Value); break;
                case "defaults": defaults = ExprParser.Parse(element.Value); break;
                case "useLongestLength":
                    useLongest = element.Value is BsonBoolean b ? b.Value : throw MongoError.Location(34463, "useLongestLength must be a bool");
                    break;
                default: throw MongoError.Location(34464, $"$zip found an unknown argument: {element.Name}");
            }
        }
        if (inputs is null) throw MongoError.Location(34465, "$zip requires at least one input array");
        if (defaults is not null && !useLongest) throw MongoError.Location(34466, "cannot specify defaults unless useLongestLength is true");
        return new LambdaExpr(name, context =>
        {
            if (inputs.Evaluate(context) is not BsonArray arrays)
                throw MongoError.Location(34461, "inputs must be an array of expressions");
            var lists = new List<BsonArray>();
            foreach (var item in arrays)
            {
                if (ExprValues.IsNullish(item)) return BsonNull.Value;
                lists.Add(item as BsonArray ?? throw MongoError.Location(34468, $"$zip found a non-array expression in input: {ExprValues.Describe(item)}"));
            }
            var fill = defaults?.Evaluate(context) as BsonArray;
            if (fill is not null && fill.Count != lists.Count)
                throw MongoError.Location(34467, "defaults and inputs must have the same length");
            var length = lists.Count == 0 ? 0 : useLongest ? lists.Max(l => l.Count) : lists.Min(l => l.Count);
            var result = new BsonArray(length);
            for (var i = 0; i < length; i++)
            {
                var tuple = new BsonArray(lists.Count);
                for (var j = 0; j < lists.Count; j++) tuple.Add(i < lists[j].Count ? lists[j][i] : fill?[j] ?? BsonNull.Value);
                result.Add(tuple);
            }
            return result;
        });
    }

    private static Expr ParseN(string name, BsonValue argument, Func<BsonArray, int, IEnumerable<BsonValue>> select)
    {
        var args = Args.Named(name, argument, ["input", "n"], [], 5787900);
        return new NamedFunctionExpr(name, args, get =>
        {
            var n = get("n");
            if (!Numeric.TryGetLong(n, out var count))
                throw MongoError.Location(5787902, $"Value for 'n' must be of integral type, but found {ExprValues.Describe(n)}");
            if (count <= 0) throw MongoError.Location(5787908, $"'n' must be greater than 0, found {count}");
            var input = get("input");
            if (input is not BsonArray items)
                throw MongoError.Location(5788200, $"Input must be an array, but found {ExprValues.TypeName(input)}");
            return new BsonArray(select(items, (int)Math.Min(count, int.MaxValue)));
        });
    }
}
