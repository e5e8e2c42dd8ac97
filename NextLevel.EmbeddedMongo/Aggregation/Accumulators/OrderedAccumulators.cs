using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Aggregation.Accumulators;

/// <summary>How many values an N-accumulator keeps: evaluated once per group, on its first document.</summary>
internal sealed class CountArgument(Expr expr)
{
    public int Evaluate(ExprContext context)
    {
        var value = expr.Evaluate(context);
        if (!Numeric.TryGetLong(value, out var n))
            throw MongoError.Location(5787902, $"Value for 'n' must be of integral type, but found {ExprValues.Describe(value)}");
        if (n <= 0) throw MongoError.Location(5787908, $"'n' must be greater than 0, found {n}");
        return (int)Math.Min(n, int.MaxValue);
    }
}

/// <summary>$firstN / $lastN: the first or last n values in input order (missing becomes null).</summary>
internal sealed class FirstLastNAccumulator(Expr input, CountArgument count, bool first) : Accumulator
{
    private int? _n;
    private readonly LinkedList<BsonValue> _values = new();

    public override void Accumulate(ExprContext context)
    {
        _n ??= count.Evaluate(context);
        if (first && _values.Count >= _n) return;
        _values.AddLast(input.Evaluate(context) ?? BsonNull.Value);
        if (_values.Count > _n) _values.RemoveFirst();
    }

    public override BsonValue? Result() => new BsonArray(_values);
}

/// <summary>$maxN / $minN: the n largest or smallest non-null values, best first.</summary>
internal sealed class ExtremeNAccumulator(Expr input, CountArgument count, bool max) : Accumulator
{
    private int? _n;
    private readonly List<BsonValue> _values = [];

    public override void Accumulate(ExprContext context)
    {
        _n ??= count.Evaluate(context);
        var value = input.Evaluate(context);
        if (ExprValues.IsNullish(value)) return;
        var comparer = Comparer<BsonValue>.Create((a, b) => max ? BsonValueComparer.Instance.Compare(b, a) : BsonValueComparer.Instance.Compare(a, b));
        var index = _values.BinarySearch(value!, comparer);
        if (index < 0) index = ~index;
        else while (index < _values.Count && comparer.Compare(_values[index], value!) == 0) index++;
        if (index >= _n) return;
        _values.Insert(index, value!);
        if (_values.Count > _n) _values.RemoveAt(_values.Count - 1);
    }

    public override BsonValue? Result() => new BsonArray(_values);
}

/// <summary>
/// $top / $bottom / $topN / $bottomN: the output of the first (or last) documents in sortBy order.
/// Ties keep input order, like a stable sort.
/// </summary>
internal sealed class TopBottomAccumulator(SortSpec sortBy, Expr output, CountArgument? count, bool top) : Accumulator
{
    private int? _n;
    private long _sequence;
    private readonly List<(BsonValue[] Key, long Sequence, BsonValue Output)> _kept = [];

    public override void Accumulate(ExprContext context)
    {
        _n ??= count?.Evaluate(context) ?? 1;
        var key = sortBy.ExtractKey(context.Current as BsonDocument ?? context.Root);
        var item = (Key: key, Sequence: _sequence++, Output: output.Evaluate(context) ?? BsonNull.Value);
        // Kept best first; for $bottom "best" means last in sort order.
        var index = _kept.Count;
        while (index > 0 && Better(item.Key, _kept[index - 1].Key)) index--;
        if (index >= _n) return;
        _kept.Insert(index, item);
        if (_kept.Count > _n) _kept.RemoveAt(_kept.Count - 1);
    }

    private bool Better(BsonValue[] candidate, BsonValue[] kept)
    {
        var comparison = sortBy.CompareKeys(candidate, kept);
        return top ? comparison < 0 : comparison >= 0;
    }

    public override BsonValue? Result()
    {
        var outputs = (top ? _kept : Enumerable.Reverse(_kept)).Select(k => k.Output);
        if (count is null) return _kept.Count == 0 ? BsonNull.Value : _kept[0].Output;
        return new BsonArray(outputs);
    }
}
