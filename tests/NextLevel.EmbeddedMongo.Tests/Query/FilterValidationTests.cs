using static NextLevel.EmbeddedMongo.Tests.Query.QueryTestHelpers;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class FilterValidationTests
{
    [Theory]
    [InlineData("{ a: { $foo: 1 } }")]
    [InlineData("{ $foo: 1 }")]
    [InlineData("{ a: { $in: 5 } }")]
    [InlineData("{ a: { $nin: { x: 1 } } }")]
    [InlineData("{ a: { $in: [ { $gt: 1 } ] } }")]
    [InlineData("{ a: { $size: 1.5 } }")]
    [InlineData("{ a: { $size: -1 } }")]
    [InlineData("{ a: { $size: 'x' } }")]
    [InlineData("{ a: { $all: 5 } }")]
    [InlineData("{ a: { $elemMatch: 5 } }")]
    [InlineData("{ a: { $not: 5 } }")]
    [InlineData("{ a: { $not: {} } }")]
    [InlineData("{ a: { $not: { b: 1 } } }")]
    [InlineData("{ $and: [] }")]
    [InlineData("{ $or: {} }")]
    [InlineData("{ $nor: [ 1 ] }")]
    [InlineData("{ a: { $gt: /x/ } }")]
    [InlineData("{ a: { $ne: /x/ } }")]
    [InlineData("{ a: { $type: 'nope' } }")]
    [InlineData("{ a: { $type: 99 } }")]
    public void Invalid_filters_are_rejected_with_BadValue(string filter) => Assert.Equal(2, ParseError(filter).Code);

    [Fact]
    public void Type_with_a_wrong_argument_type_is_a_type_mismatch() => Assert.Equal(14, ParseError("{ a: { $type: {} } }").Code);

    [Fact]
    public void Unknown_operator_message_names_it() => Assert.Equal("unknown operator: $foo", ParseError("{ a: { $foo: 1 } }").Message);

    [Fact]
    public void Geospatial_operators_are_reported_as_not_implemented() =>
        Assert.Equal(238, ParseError("{ loc: { $near: [0, 0] } }").Code);
}
