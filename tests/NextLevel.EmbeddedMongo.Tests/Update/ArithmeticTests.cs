using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class ArithmeticTests
{
    [Fact]
    public void Inc_adds_to_an_int() => Yields("{_id: 1, a: 1}", "{$inc: {a: 2}}", "{_id: 1, a: 3}");

    [Fact]
    public void Inc_of_a_missing_field_sets_the_increment() => Yields("{_id: 1}", "{$inc: {'a.b': NumberLong(5)}}", "{_id: 1, a: {b: NumberLong(5)}}");

    [Fact]
    public void Inc_int_overflow_promotes_to_long() =>
        Yields("{_id: 1, a: 2147483647}", "{$inc: {a: 1}}", "{_id: 1, a: NumberLong('2147483648')}");

    [Fact]
    public void Inc_int_by_long_gives_long() => Yields("{_id: 1, a: 1}", "{$inc: {a: NumberLong(1)}}", "{_id: 1, a: NumberLong(2)}");

    [Fact]
    public void Inc_int_by_double_gives_double() => Yields("{_id: 1, a: 1}", "{$inc: {a: 0.5}}", "{_id: 1, a: 1.5}");

    [Fact]
    public void Inc_with_a_decimal_gives_decimal() =>
        Yields("{_id: 1, a: 1.5}", "{$inc: {a: NumberDecimal('1')}}", "{_id: 1, a: NumberDecimal('2.5')}");

    [Fact]
    public void Inc_by_zero_is_a_no_op() => IsNoOp("{_id: 1, a: 5}", "{$inc: {a: 0}}");

    [Fact]
    public void Inc_long_overflow_fails()
    {
        var error = Fails("{_id: 1, a: NumberLong('9223372036854775807')}", "{$inc: {a: 1}}");
        Assert.Equal(2, error.Code);
        Assert.StartsWith("Failed to apply $inc operations to current value", error.Message);
    }

    [Fact]
    public void Inc_on_a_string_fails_with_type_mismatch()
    {
        var error = Fails("{_id: 1, a: 'x'}", "{$inc: {a: 1}}");
        HasError(error, 14, "Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field 'a' of non-numeric type string");
    }

    [Fact]
    public void Inc_with_a_non_numeric_argument_fails_to_parse()
    {
        var error = FailsToParse("{$inc: {a: 'x'}}");
        HasError(error, 14, "Cannot increment with non-numeric argument: {a: \"x\"}");
    }

    [Fact]
    public void Mul_multiplies() => Yields("{_id: 1, a: 3}", "{$mul: {a: 4}}", "{_id: 1, a: 12}");

    [Fact]
    public void Mul_int_overflow_promotes_to_long() =>
        Yields("{_id: 1, a: 2147483647}", "{$mul: {a: 2}}", "{_id: 1, a: NumberLong('4294967294')}");

    [Fact]
    public void Mul_of_a_missing_field_sets_zero_of_the_multiplier_type()
    {
        Yields("{_id: 1}", "{$mul: {a: 5}}", "{_id: 1, a: 0}");
        Yields("{_id: 1}", "{$mul: {a: NumberLong(5)}}", "{_id: 1, a: NumberLong(0)}");
        Yields("{_id: 1}", "{$mul: {a: 2.5}}", "{_id: 1, a: 0.0}");
    }

    [Fact]
    public void Mul_by_one_is_a_no_op() => IsNoOp("{_id: 1, a: 7}", "{$mul: {a: 1}}");

    [Fact]
    public void Mul_on_a_non_number_fails()
    {
        var error = Fails("{_id: 1, a: [1]}", "{$mul: {a: 2}}");
        HasError(error, 14, "Cannot apply $mul to a value of non-numeric type. {_id: 1} has the field 'a' of non-numeric type array");
    }

    [Fact]
    public void Mul_with_a_non_numeric_argument_fails_to_parse()
    {
        var error = FailsToParse("{$mul: {a: null}}");
        Assert.Equal(14, error.Code);
    }
}
