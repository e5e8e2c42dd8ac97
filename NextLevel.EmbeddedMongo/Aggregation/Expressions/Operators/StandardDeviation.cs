using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;

/// <summary>Population and sample standard deviation over the numeric values (Welford's method); null when undefined.</summary>
internal sealed class StandardDeviation
{
    private long _count;
    private double _mean;
    private double _m2;

    public void Add(BsonValue? value)
    {
        if (!Numeric.IsNumber(value)) return;
        var x = Numeric.ToDouble(value!);
        _count++;
        var delta = x - _mean;
        _mean += delta / _count;
        _m2 += delta * (x - _mean);
    }

    public BsonValue Result(bool sample)
    {
        if (_count == 0 || (sample && _count == 1)) return BsonNull.Value;
        return new BsonDouble(Math.Sqrt(_m2 / (sample ? _count - 1 : _count)));
    }

    public static BsonValue Of(IEnumerable<BsonValue?> values, bool sample)
    {
        var deviation = new StandardDeviation();
        foreach (var value in values) deviation.Add(value);
        return deviation.Result(sample);
    }
}
