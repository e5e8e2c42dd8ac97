using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;

namespace NextLevel.EmbeddedMongo.Aggregation.Accumulators;

/// <summary>
/// A running sum with MongoDB's result typing: ints stay int while they fit, then long; longs that overflow turn
/// the sum into a double; any double makes it double; any decimal makes it decimal. Doubles are added with
/// Kahan compensation, as the server does. [Not thread-safe]
/// </summary>
internal sealed class NumericSum
{
    private NumericKind _widest = NumericKind.Int;
    private long _integral;
    private bool _integralOverflowed;
    private double _double;
    private double _compensation;
    private decimal _decimal;

    public long Count { get; private set; }

    /// <summary>Adds a value when it is a number; other values are ignored, as $sum and $avg do.</summary>
    public void Add(BsonValue? value)
    {
        if (!Numeric.IsNumber(value)) return;
        Count++;
        var kind = Numeric.KindOf(value!);
        if (kind > _widest) _widest = kind;
        switch (kind)
        {
            case NumericKind.Int:
            case NumericKind.Long:
                AddIntegral(Numeric.ToLong(value!));
                break;
            case NumericKind.Double:
                AddDouble(value!.AsDouble);
                break;
            default:
                AddDecimal(value!.AsDecimal128);
                break;
        }
    }

    /// <summary>Decimals beyond System.Decimal's range (and NaN, infinities) are summed as doubles.</summary>
    private void AddDecimal(Decimal128 value)
    {
        try
        {
            _decimal += Decimal128.ToDecimal(value);
        }
        catch (OverflowException)
        {
            AddDouble(Decimal128.ToDouble(value));
        }
    }

    private void AddIntegral(long value)
    {
        if (_integralOverflowed)
        {
            AddDouble(value);
            return;
        }
        var sum = unchecked(_integral + value);
        if (((_integral ^ sum) & (value ^ sum)) < 0)
        {
            _integralOverflowed = true;
            AddDouble(_integral);
            AddDouble(value);
            _integral = 0;
            return;
        }
        _integral = sum;
    }

    private void AddDouble(double value)
    {
        if (double.IsInfinity(value) || double.IsNaN(value) || double.IsInfinity(_double))
        {
            _double += value;
            return;
        }
        var y = value - _compensation;
        var t = _double + y;
        _compensation = t - _double - y;
        _double = t;
    }

    public BsonValue Sum => _widest switch
    {
        NumericKind.Decimal => DecimalTotal(),
        NumericKind.Double => new BsonDouble(_integral + _double),
        _ when _integralOverflowed => new BsonDouble(_integral + _double),
        NumericKind.Long => new BsonInt64(_integral),
        _ => Numeric.FromLong(_integral),
    };

    /// <summary>The mean of the numbers added, or null when there were none.</summary>
    public BsonValue Average
    {
        get
        {
            if (Count == 0) return BsonNull.Value;
            if (_widest == NumericKind.Decimal)
            {
                var total = DecimalTotal();
                return total.AsDecimal128 is var d && (Decimal128.IsNaN(d) || Decimal128.IsInfinity(d))
                    ? total
                    : Numeric.DecimalOperation(total, new BsonInt64(Count), (x, y) => x / y, (x, y) => x / y);
            }
            return new BsonDouble((_integral + _double) / Count);
        }
    }

    private BsonValue DecimalTotal()
    {
        try
        {
            return Numeric.FromDecimal(_integral + (decimal)_double + _decimal);
        }
        catch (OverflowException)
        {
            // NaN, infinities or magnitudes beyond System.Decimal: the total is only approximate anyway.
            return new BsonDecimal128(new Decimal128(_integral + _double + (double)_decimal));
        }
    }
}
