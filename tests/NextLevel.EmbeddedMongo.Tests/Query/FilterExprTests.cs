using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;
using static NextLevel.EmbeddedMongo.Tests.Query.QueryTestHelpers;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class FilterExprTests
{
    [Fact]
    public void Expr_compares_two_fields_of_the_document()
    {
        Assert.True(Matches("{ $expr: { $gt: ['$spent', '$budget'] } }", "{ spent: 120, budget: 100 }"));
        Assert.False(Matches("{ $expr: { $gt: ['$spent', '$budget'] } }", "{ spent: 80, budget: 100 }"));
    }

    [Fact]
    public void Expr_truthiness_treats_zero_null_and_missing_as_false()
    {
        Assert.False(Matches("{ $expr: '$a' }", "{ a: 0 }"));
        Assert.False(Matches("{ $expr: '$a' }", "{ a: null }"));
        Assert.False(Matches("{ $expr: '$a' }", "{ b: 1 }"));
        Assert.True(Matches("{ $expr: '$a' }", "{ a: 'text' }"));
        Assert.True(Matches("{ $expr: '$a' }", "{ a: [] }"));
    }

    [Fact]
    public void Expr_combines_with_field_conditions() =>
        Assert.True(Matches("{ status: 'open', $expr: { $eq: [{ $size: '$items' }, 2] } }", "{ status: 'open', items: [1, 2] }"));

    [Fact]
    public void Expr_reads_let_variables()
    {
        var options = new FilterOptions { Variables = new Dictionary<string, BsonValue> { ["limit"] = 10 } };
        Assert.True(Matches("{ $expr: { $lt: ['$a', '$$limit'] } }", "{ a: 5 }", options));
        Assert.False(Matches("{ $expr: { $lt: ['$a', '$$limit'] } }", "{ a: 15 }", options));
    }

    [Fact]
    public void Expr_inside_or() => Assert.True(Matches("{ $or: [ { a: 1 }, { $expr: { $eq: ['$b', '$c'] } } ] }", "{ a: 2, b: 3, c: 3 }"));

    [Fact]
    public void Invalid_expression_is_rejected_at_parse_time() =>
        Assert.Throws<MongoError>(() => Filter.Parse(BsonDocument.Parse("{ $expr: { $noSuchOperator: 1 } }")));
}

public class FilterExprPlacementTests
{
    [Fact]
    public void Expr_inside_elemMatch_is_rejected() =>
        Assert.Equal(2, QueryTestHelpers.ParseError("{ a: { $elemMatch: { $expr: { $eq: ['$b', 1] } } } }").Code);

    [Fact]
    public void Expr_inside_nor_is_allowed() =>
        Assert.True(QueryTestHelpers.Matches("{ $nor: [ { $expr: { $eq: ['$a', 1] } } ] }", "{ a: 2 }"));
}
