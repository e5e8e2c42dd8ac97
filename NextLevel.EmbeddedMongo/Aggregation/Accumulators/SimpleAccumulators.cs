using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Accumulators;

/// <summary>$sum: numbers only (others ignored), with MongoDB's int → long → double widening.</summary>
internal sealed class SumAccumulator(Expr argument) : ValueAccumulator(argument)
{
    private readonly NumericSum _sum = new();

    protected override void Add(BsonValue? value) => _sum.Add(value);

    public override BsonValue? Result() => _sum.Sum;
}

/// <summary>$avg: mean of the numbers (decimal stays decimal), null when there were none.</summary>
internal sealed class AvgAccumulator(Expr argument) : ValueAccumulator(argument)
{
    private readonly NumericSum _sum = new();

    protected override void Add(BsonValue? value) => _sum.Add(value);

    public override BsonValue? Result() => _sum.Average;
}

/// <summary>$min / $max: null and missing are ignored; null when nothing else was seen.</summary>
internal sealed class ExtremeAccumulator(Expr argument, bool max) : ValueAccumulator(argument)
{
    private BsonValue? _best;

    protected override void Add(BsonValue? value)
    {
        if (ExprValues.IsNullish(value)) return;
        if (_best is null) _best = value;
        else
        {
            var comparison = BsonValueComparer.Instance.Compare(value, _best);
            if (max ? comparison > 0 : comparison < 0) _best = value;
        }
    }

    public override BsonValue? Result() => _best ?? BsonNull.Value;
}

/// <summary>$first / $last: the value of the first or last document in input order (missing becomes null).</summary>
internal sealed class FirstLastAccumulator(Expr argument, bool first) : ValueAccumulator(argument)
{
    private bool _seen;
    private BsonValue? _value;

    protected override void Add(BsonValue? value)
    {
        if (first && _seen) return;
        _seen = true;
        _value = value ?? BsonNull.Value;
    }

    public override BsonValue? Result() => _value ?? BsonNull.Value;
}

/// <summary>$push: all values in input order (missing skipped).</summary>
internal sealed class PushAccumulator(Expr argument) : ValueAccumulator(argument)
{
    private readonly BsonArray _values = [];

    protected override void Add(BsonValue? value)
    {
        if (value is not null) _values.Add(value);
    }

    public override BsonValue? Result() => _values;
}

/// <summary>$addToSet: distinct values (by MongoDB equality) in first-seen order (missing skipped).</summary>
internal sealed class AddToSetAccumulator(Expr argument) : ValueAccumulator(argument)
{
    private readonly HashSet<BsonValue?> _seen = new(BsonValueComparer.Instance);
    private readonly BsonArray _values = [];

    protected override void Add(BsonValue? value)
    {
        if (value is not null && _seen.Add(value)) _values.Add(value);
    }

    public override BsonValue? Result() => _values;
}

/// <summary>$mergeObjects: later documents' fields overwrite earlier ones; null and missing are skipped.</summary>
internal sealed class MergeObjectsAccumulator(Expr argument) : ValueAccumulator(argument)
{
    private readonly BsonDocument _merged = [];

    protected override void Add(BsonValue? value) => ObjectOperators.Merge(_merged, value);

    public override BsonValue? Result() => _merged;
}

/// <summary>$stdDevPop / $stdDevSamp over the numeric values.</summary>
internal sealed class StdDevAccumulator(Expr argument, bool sample) : ValueAccumulator(argument)
{
    private readonly StandardDeviation _deviation = new();

    protected override void Add(BsonValue? value) => _deviation.Add(value);

    public override BsonValue? Result() => _deviation.Result(sample);
}

/// <summary>$count: the number of documents in the group.</summary>
internal sealed class CountAccumulator : Accumulator
{
    private long _count;

    public override void Accumulate(ExprContext context) => _count++;

    public override BsonValue? Result() => Numeric.FromLong(_count);

    public static void ValidateSpec(BsonValue spec)
    {
        if (spec is not BsonDocument { ElementCount: 0 })
            throw MongoError.Location(40181, "$count takes no arguments, i.e. $count:{}");
    }
}
