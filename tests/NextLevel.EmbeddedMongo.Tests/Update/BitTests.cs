using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class BitTests
{
    [Fact]
    public void Bit_and() => Yields("{_id: 1, a: 13}", "{$bit: {a: {and: 10}}}", "{_id: 1, a: 8}");

    [Fact]
    public void Bit_or() => Yields("{_id: 1, a: 13}", "{$bit: {a: {or: 2}}}", "{_id: 1, a: 15}");

    [Fact]
    public void Bit_xor() => Yields("{_id: 1, a: 13}", "{$bit: {a: {xor: 5}}}", "{_id: 1, a: 8}");

    [Fact]
    public void Bit_operations_apply_in_order() => Yields("{_id: 1, a: 1}", "{$bit: {a: {or: 6, and: 3}}}", "{_id: 1, a: 3}");

    [Fact]
    public void Bit_with_a_long_operand_gives_long() =>
        Yields("{_id: 1, a: 1}", "{$bit: {a: {or: NumberLong(2)}}}", "{_id: 1, a: NumberLong(3)}");

    [Fact]
    public void Bit_on_a_missing_field_starts_from_zero() => Yields("{_id: 1}", "{$bit: {a: {or: 5}}}", "{_id: 1, a: 5}");

    [Fact]
    public void Bit_that_changes_nothing_is_a_no_op() => IsNoOp("{_id: 1, a: 7}", "{$bit: {a: {or: 1}}}");

    [Fact]
    public void Bit_on_a_double_fails() => Assert.Equal(2, Fails("{_id: 1, a: 1.5}", "{$bit: {a: {or: 1}}}").Code);

    [Fact]
    public void Bit_rejects_an_unknown_operation() => Assert.Equal(2, FailsToParse("{$bit: {a: {nand: 1}}}").Code);

    [Fact]
    public void Bit_rejects_a_double_operand() => Assert.Equal(2, FailsToParse("{$bit: {a: {and: 1.0}}}").Code);

    [Fact]
    public void Bit_rejects_a_non_document_argument() => Assert.Equal(2, FailsToParse("{$bit: {a: 1}}").Code);

    [Fact]
    public void Bit_rejects_an_empty_document() => Assert.Equal(2, FailsToParse("{$bit: {a: {}}}").Code);
}
