using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Accumulators;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>Array operators that work on evaluated values (no per-element sub-expressions).</summary>
internal static class ArrayOperators
{
    public static void Register(Dictionary<string, OperatorParser> table)
    {
        table["$size"] = Args.Unary((_, v) => v is BsonArray a
            ? a.Count
            : throw MongoError.Location(17124, $"The argument to $size must be an array, but was of type: {ExprValues.TypeName(v)}"));
        table["$arrayElemAt"] = Args.Fixed(2, v => ElementAt("$arrayElemAt", v[0], v[1]));
        table["$first"] = Args.Unary((n, v) => FirstOrLast(n, v, first: true));
        table["$last"] = Args.Unary((n, v) => FirstOrLast(n, v, first: false));
        table["$in"] = Args.Fixed(2, v => v[1] is BsonArray a
            ? a.Any(item => ExprValues.Compare(item, v[0]) == 0)
            : throw MongoError.Location(40081, $"$in requires an array as a second argument, found: {ExprValues.TypeName(v[1])}"));
        table["$slice"] = Args.Range(2, 3, Slice);
        table["$concatArrays"] = Args.Variadic(ConcatArrays);
        table["$reverseArray"] = Args.Unary((_, v) => ExprValues.IsNullish(v) ? BsonNull.Value : v is BsonArray a
            ? new BsonArray(a.Reverse())
            : throw MongoError.Location(34435, $"The argument to $reverseArray must be an array, but was of type: {ExprValues.TypeName(v)}"));
        table["$indexOfArray"] = Args.Range(2, 4, IndexOfArray);
        table["$isArray"] = Args.Fixed(1, v => v[0] is BsonArray);
        table["$range"] = Args.Range(2, 3, RangeOf);
        table["$arrayToObject"] = Args.Unary((_, v) => ArrayToObject(v));
        table["$objectToArray"] = Args.Unary((_, v) => ObjectToArray(v));
        table["$anyElementTrue"] = Args.Unary((_, v) => v is BsonArray a
            ? a.Any(ExprValues.IsTrue)
            : throw MongoError.Location(17041, $"$anyElementTrue's argument must be an array, but is {ExprValues.TypeName(v)}"));
        table["$allElementsTrue"] = Args.Unary((_, v) => v is BsonArray a
            ? a.All(ExprValues.IsTrue)
            : throw MongoError.Location(17040, $"$allElementsTrue's argument must be an array, but is {ExprValues.TypeName(v)}"));
        table["$sum"] = Args.Variadic((_, values) => Sum(Flatten(values)).Sum);
        table["$avg"] = Args.Variadic((_, values) => Sum(Flatten(values)).Average);
        table["$max"] = Args.Variadic((_, values) => Extreme(Flatten(values), max: true));
        table["$min"] = Args.Variadic((_, values) => Extreme(Flatten(values), max: false));
        table["$stdDevPop"] = Args.Variadic((_, values) => StandardDeviation.Of(Flatten(values), sample: false));
        table["$stdDevSamp"] = Args.Variadic((_, values) => StandardDeviation.Of(Flatten(values), sample: true));
    }

    /// <summary>$sum/$avg/$max/$min with one array argument work over its elements, otherwise over their arguments.</summary>
    private static IEnumerable<BsonValue?> Flatten(BsonValue?[] values) =>
        values.Length == 1 && values[0] is BsonArray array ? array : values;

    private static NumericSum Sum(IEnumerable<BsonValue?> values)
    {
        var sum = new NumericSum();
        foreach (var value in values) sum.Add(value);
        return sum;
    }

    private static BsonValue Extreme(IEnumerable<BsonValue?> values, bool max)
    {
        BsonValue? best = null;
        foreach (var value in values)
        {
            if (ExprValues.IsNullish(value)) continue;
            if (best is null || (ExprValues.Compare(value, best) is var c && (max ? c > 0 : c < 0))) best = value;
        }
        return best ?? BsonNull.Value;
    }

    private static BsonValue? ElementAt(string name, BsonValue? array, BsonValue? index)
    {
        if (ExprValues.IsNullish(array) || ExprValues.IsNullish(index)) return BsonNull.Value;
        if (array is not BsonArray items)
            throw MongoError.Location(28689, $"{name}'s first argument must be an array, but is {ExprValues.TypeName(array)}");
        if (!Numeric.IsNumber(index))
            throw MongoError.Location(28690, $"{name}'s second argument must be a numeric value, but is {ExprValues.TypeName(index)}");
        if (!Numeric.TryGetInt(index, out var i))
            throw MongoError.Location(28691, $"{name}'s second argument must be representable as a 32-bit integer: {ExprValues.Describe(index)}");
        if (i < 0) i += items.Count;
        return i >= 0 && i < items.Count ? items[i] : null;
    }

    private static BsonValue? FirstOrLast(string name, BsonValue? value, bool first)
    {
        if (ExprValues.IsNullish(value)) return BsonNull.Value;
        if (value is not BsonArray items)
            throw MongoError.Location(28689, $"{name}'s argument must be an array, but is {ExprValues.TypeName(value)}");
        if (items.Count == 0) return null;
        return first ? items[0] : items[^1];
    }

    private static BsonValue? Slice(BsonValue?[] values)
    {
        if (values.Any(ExprValues.IsNullish)) return BsonNull.Value;
        if (values[0] is not BsonArray items)
            throw MongoError.Location(28724, $"First argument to $slice must be an array, but is of type: {ExprValues.TypeName(values[0])}");
        if (!Numeric.IsNumber(values[1]))
            throw MongoError.Location(28725, $"Second argument to $slice must be a numeric value, but is of type: {ExprValues.TypeName(values[1])}");
        if (!Numeric.TryGetInt(values[1], out var second))
            throw MongoError.Location(28726, $"Second argument to $slice can't be represented as a 32-bit integer: {ExprValues.Describe(values[1])}");
        int start, count;
        if (values.Length == 2)
        {
            if (second >= 0) (start, count) = (0, second);
            else (start, count) = (Math.Max(0, items.Count + second), -second);
        }
        else
        {
            if (!Numeric.IsNumber(values[2]))
                throw MongoError.Location(28727, $"Third argument to $slice must be numeric, but is of type: {ExprValues.TypeName(values[2])}");
            if (!Numeric.TryGetInt(values[2], out count))
                throw MongoError.Location(28728, $"Third argument to $slice can't be represented as a 32-bit integer: {ExprValues.Describe(values[2])}");
            if (count <= 0) throw MongoError.Location(28729, $"Third argument to $slice must be positive: {count}");
            start = second >= 0 ? Math.Min(second, items.Count) : Math.Max(0, items.Count + second);
        }
        return new BsonArray(items.Skip(start).Take(count));
    }

    private static BsonValue? ConcatArrays(string name, BsonValue?[] values)
    {
        var result = new BsonArray();
        foreach (var value in values)
        {
            if (ExprValues.IsNullish(value)) return BsonNull.Value;
            if (value is not BsonArray items)
                throw MongoError.Location(28664, $"$concatArrays only supports arrays, not {ExprValues.TypeName(value)}");
            result.AddRange(items);
        }
        return result;
    }

    private static BsonValue? IndexOfArray(BsonValue?[] values)
    {
        if (ExprValues.IsNullish(values[0])) return BsonNull.Value;
        if (values[0] is not BsonArray items)
            throw MongoError.Location(40090, $"$indexOfArray requires an array as a first argument, found: {ExprValues.TypeName(values[0])}");
        var start = values.Length > 2 ? Bound(values[2], "starting") : 0;
        var end = values.Length > 3 ? Math.Min(Bound(values[3], "ending"), items.Count) : items.Count;
        for (var i = start; i < end; i++)
        {
            if (ExprValues.Compare(items[i], values[1]) == 0) return i;
        }
        return -1;
    }

    private static int Bound(BsonValue? value, string which)
    {
        if (!Numeric.TryGetInt(value, out var index))
            throw MongoError.Location(40096, $"$indexOfArray requires an integral {which} index, found a value of type: {ExprValues.TypeName(value)}, with value: {ExprValues.Describe(value)}");
        if (index < 0) throw MongoError.Location(40097, $"$indexOfArray requires a nonnegative {which} index, found: {index}");
        return index;
    }

    private static BsonValue RangeOf(BsonValue?[] values)
    {
        var start = RangeArgument(values[0], "starting value", 34443, 34444);
        var end = RangeArgument(values[1], "ending value", 34445, 34446);
        var step = values.Length > 2 ? RangeArgument(values[2], "step value", 34447, 34448) : 1;
        if (step == 0) throw MongoError.Location(34449, "$range requires a non-zero step value");
        var result = new BsonArray();
        for (long i = start; step > 0 ? i < end : i > end; i += step) result.Add((int)i);
        return result;
    }

    private static int RangeArgument(BsonValue? value, string what, int typeCode, int intCode)
    {
        if (!Numeric.IsNumber(value))
            throw MongoError.Location(typeCode, $"$range requires a numeric {what}, found value of type: {ExprValues.TypeName(value)}");
        if (!Numeric.TryGetInt(value, out var result))
            throw MongoError.Location(intCode, $"$range requires a {what} that can be represented as a 32-bit integer, found value: {ExprValues.Describe(value)}");
        return result;
    }

    private static BsonValue ArrayToObject(BsonValue? value)
    {
        if (ExprValues.IsNullish(value)) return BsonNull.Value;
        if (value is not BsonArray items)
            throw MongoError.Location(40386, $"$arrayToObject requires an array input, found: {ExprValues.TypeName(value)}");
        var result = new BsonDocument();
        foreach (var item in items)
        {
            BsonValue? key, entry;
            if (item is BsonArray pair)
            {
                if (pair.Count != 2)
                    throw MongoError.Location(40397, $"$arrayToObject requires an array of size 2 arrays,found array of size: {pair.Count}");
                (key, entry) = (pair[0], pair[1]);
            }
            else if (item is BsonDocument kv)
            {
                if (kv.ElementCount != 2 || !kv.Contains("k") || !kv.Contains("v"))
                    throw MongoError.Location(40392, "$arrayToObject requires an object keys of 'k' and 'v'. Found incorrect number of keys:" + kv.ElementCount);
                (key, entry) = (kv["k"], kv["v"]);
            }
            else
            {
                throw MongoError.Location(40398, $"Unrecognised input type format for $arrayToObject: {ExprValues.TypeName(item)}");
            }
            if (key is not BsonString name)
                throw MongoError.Location(40395, $"$arrayToObject requires an array of key-value pairs, where the key must be of type string. Found key type: {ExprValues.TypeName(key)}");
            if (name.Value.Contains('\0', StringComparison.Ordinal))
                throw MongoError.Location(4940400, "Key field cannot contain an embedded null byte");
            result[name.Value] = entry;
        }
        return result;
    }

    private static BsonValue ObjectToArray(BsonValue? value)
    {
        if (ExprValues.IsNullish(value)) return BsonNull.Value;
        if (value is not BsonDocument document)
            throw MongoError.Location(40390, $"$objectToArray requires a document input, found: {ExprValues.TypeName(value)}");
        return new BsonArray(document.Select(e => new BsonDocument { { "k", e.Name }, { "v", e.Value } }));
    }
}
