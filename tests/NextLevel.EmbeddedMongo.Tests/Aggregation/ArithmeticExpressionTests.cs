using MongoDB.Bson;
using static NextLevel.EmbeddedMongo.Tests.Aggregation.ExprTestKit;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public class ArithmeticExpressionTests
{
    [Fact]
    public void Add_promotes_types_like_mongodb()
    {
        Same("3", Eval("{ $add: [1, 2] }"));
        Same("NumberLong(3)", Eval("{ $add: [1, NumberLong(2)] }"));
        Same("3.5", Eval("{ $add: [1, 2.5] }"));
        Same("NumberDecimal('3.5')", Eval("{ $add: [1, NumberDecimal('2.5')] }"));
        Same("NumberLong(2147483648)", Eval("{ $add: [2147483647, 1] }"));
        Same("9223372036854775808.0", Eval("{ $add: [NumberLong('9223372036854775807'), NumberLong(1)] }"));
    }

    [Fact]
    public void Add_with_null_is_null_and_rejects_strings()
    {
        Same("null", Eval("{ $add: [1, '$missing'] }"));
        Assert.Equal(16554, Fails("{ $add: [1, 'x'] }").Code);
    }

    [Fact]
    public void Add_date_and_milliseconds_gives_date()
    {
        Same("ISODate('2025-01-01T00:00:01Z')", Eval("{ $add: [ISODate('2025-01-01T00:00:00Z'), 1000] }"));
        Assert.Equal(16612, Fails("{ $add: [ISODate('2025-01-01T00:00:00Z'), ISODate('2025-01-01T00:00:00Z')] }").Code);
    }

    [Fact]
    public void Subtract_numbers_and_dates()
    {
        Same("2", Eval("{ $subtract: [5, 3] }"));
        Same("NumberLong(86400000)", Eval("{ $subtract: [ISODate('2025-01-02T00:00:00Z'), ISODate('2025-01-01T00:00:00Z')] }"));
        Same("ISODate('2025-01-01T00:00:00Z')", Eval("{ $subtract: [ISODate('2025-01-01T00:00:01Z'), 1000] }"));
        Assert.Equal(16556, Fails("{ $subtract: [1, ISODate('2025-01-01T00:00:00Z')] }").Code);
    }

    [Fact]
    public void Multiply_overflowing_ints_become_long()
    {
        Same("NumberLong(4294967296)", Eval("{ $multiply: [65536, 65536] }"));
        Same("6.0", Eval("{ $multiply: [2, 3.0] }"));
    }

    [Fact]
    public void Divide_gives_double_and_rejects_zero()
    {
        Same("2.5", Eval("{ $divide: [5, 2] }"));
        Same("NumberDecimal('2.5')", Eval("{ $divide: [NumberDecimal('5'), 2] }"));
        var error = Fails("{ $divide: [1, 0] }");
        Assert.Equal(2, error.Code);
        Assert.Equal("can't $divide by zero", error.Message);
    }

    [Fact]
    public void Mod_keeps_integer_type()
    {
        Same("1", Eval("{ $mod: [7, 3] }"));
        Same("1.5", Eval("{ $mod: [7.5, 3] }"));
        Assert.Equal(16610, Fails("{ $mod: [7, 0] }").Code);
    }

    [Fact]
    public void Unary_math_operators()
    {
        Same("5", Eval("{ $abs: -5 }"));
        Same("3.0", Eval("{ $ceil: 2.1 }"));
        Same("2.0", Eval("{ $floor: 2.9 }"));
        Same("7", Eval("{ $floor: 7 }"));
        Same("3.0", Eval("{ $sqrt: 9 }"));
        Same("1.0", Eval("{ $exp: 0 }"));
        Same("0.0", Eval("{ $ln: 1 }"));
        Same("2.0", Eval("{ $log10: 100 }"));
        Same("3.0", Eval("{ $log: [8, 2] }"));
        Same("8", Eval("{ $pow: [2, 3] }"));
        Same("0.5", Eval("{ $pow: [2, -1] }"));
        Same("null", Eval("{ $sqrt: null }"));
        Assert.Equal(28714, Fails("{ $sqrt: -1 }").Code);
        Assert.Equal(28766, Fails("{ $ln: 0 }").Code);
        Assert.Equal(28764, Fails("{ $pow: [0, -1] }").Code);
        Assert.Equal(28765, Fails("{ $abs: 'x' }").Code);
    }

    [Fact]
    public void Round_is_half_to_even_with_places()
    {
        Same("2.0", Eval("{ $round: [2.5, 0] }"));
        Same("4.0", Eval("{ $round: [3.5, 0] }"));
        Same("1.23", Eval("{ $round: [1.2345, 2] }"));
        Same("1200", Eval("{ $round: [1234, -2] }"));
        Same("1234", Eval("{ $round: [1234, 2] }"));
        Same("NumberDecimal('1.24')", Eval("{ $round: [NumberDecimal('1.235'), 2] }"));
        Same("-2.0", Eval("{ $round: -2.5 }"));
        Same("null", Eval("{ $round: ['$missing', 2] }"));
    }

    [Fact]
    public void Trunc_drops_digits_toward_zero()
    {
        Same("1.23", Eval("{ $trunc: [1.239, 2] }"));
        Same("-1.0", Eval("{ $trunc: -1.9 }"));
        Same("1200", Eval("{ $trunc: [1299, -2] }"));
    }

    [Fact]
    public void Array_forms_of_sum_avg_min_max()
    {
        Same("6", Eval("{ $sum: '$a' }", "{ a: [1, 2, 3, 'x'] }"));
        Same("2.0", Eval("{ $avg: '$a' }", "{ a: [1, 2, 3] }"));
        Same("3", Eval("{ $max: '$a' }", "{ a: [1, 3, null] }"));
        Same("1", Eval("{ $min: [1, 3, '$missing'] }"));
        Same("0", Eval("{ $sum: 'x' }"));
        Same("null", Eval("{ $avg: [] }"));
        Same("NumberDecimal('2')", Eval("{ $avg: [NumberDecimal('1'), NumberDecimal('3')] }"));
    }

    [Fact]
    public void Sum_overflow_goes_to_long_then_double()
    {
        Same("NumberLong(4294967294)", Eval("{ $sum: [2147483647, 2147483647] }"));
        Assert.Equal(BsonType.Double, Eval("{ $sum: [NumberLong('9223372036854775807'), NumberLong('9223372036854775807')] }")!.BsonType);
    }
}

public class DecimalEdgeTests
{
    [Fact]
    public void Decimal_arithmetic_beyond_system_decimal_range_stays_decimal()
    {
        var result = ExprTestKit.Eval("{ $add: [NumberDecimal('1E+40'), 1] }");
        Assert.Equal(MongoDB.Bson.BsonType.Decimal128, result!.BsonType);
        Assert.Equal(1e40, MongoDB.Bson.Decimal128.ToDouble(result.AsDecimal128), 1e27);
    }

    [Fact]
    public void Decimal_sum_with_nan_is_nan()
    {
        var result = ExprTestKit.Eval("{ $sum: [NumberDecimal('1'), NaN] }");
        Assert.True(MongoDB.Bson.Decimal128.IsNaN(result!.AsDecimal128));
    }
}
