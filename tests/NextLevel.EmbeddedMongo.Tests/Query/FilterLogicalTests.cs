using static NextLevel.EmbeddedMongo.Tests.Query.QueryTestHelpers;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class FilterLogicalTests
{
    [Fact]
    public void And_requires_every_clause()
    {
        Assert.True(Matches("{ $and: [ { a: 1 }, { b: 2 } ] }", "{ a: 1, b: 2 }"));
        Assert.False(Matches("{ $and: [ { a: 1 }, { b: 2 } ] }", "{ a: 1, b: 3 }"));
    }

    [Fact]
    public void Or_requires_some_clause()
    {
        Assert.True(Matches("{ $or: [ { a: 1 }, { b: 2 } ] }", "{ a: 0, b: 2 }"));
        Assert.False(Matches("{ $or: [ { a: 1 }, { b: 2 } ] }", "{ a: 0, b: 0 }"));
    }

    [Fact]
    public void Nor_requires_no_clause()
    {
        Assert.True(Matches("{ $nor: [ { a: 1 }, { b: 2 } ] }", "{ a: 0 }"));
        Assert.False(Matches("{ $nor: [ { a: 1 }, { b: 2 } ] }", "{ b: 2 }"));
    }

    [Fact]
    public void Fields_and_operators_combine_with_and()
    {
        Assert.True(Matches("{ a: 1, $or: [ { b: 1 }, { c: 1 } ] }", "{ a: 1, c: 1 }"));
        Assert.False(Matches("{ a: 1, $or: [ { b: 1 }, { c: 1 } ] }", "{ a: 2, c: 1 }"));
    }

    [Fact]
    public void Not_negates_the_operator_and_matches_missing_fields()
    {
        Assert.True(Matches("{ price: { $not: { $gt: 100 } } }", "{ price: 50 }"));
        Assert.True(Matches("{ price: { $not: { $gt: 100 } } }", "{ other: 1 }"));
        Assert.True(Matches("{ price: { $not: { $gt: 100 } } }", "{ price: 'expensive' }"));
        Assert.False(Matches("{ price: { $not: { $gt: 100 } } }", "{ price: 150 }"));
    }

    [Fact]
    public void Not_applies_to_the_whole_array()
    {
        Assert.False(Matches("{ a: { $not: { $gt: 5 } } }", "{ a: [1, 7] }"));
    }

    [Fact]
    public void Not_with_a_regex()
    {
        Assert.True(Matches("{ name: { $not: /^a/ } }", "{ name: 'bob' }"));
        Assert.False(Matches("{ name: { $not: /^a/ } }", "{ name: 'alice' }"));
        Assert.False(Matches("{ name: { $not: { $regex: '^A', $options: 'i' } } }", "{ name: 'alice' }"));
    }

    [Fact]
    public void Comment_is_ignored() => Assert.True(Matches("{ a: 1, $comment: 'why' }", "{ a: 1 }"));

    [Fact]
    public void AlwaysTrue_and_AlwaysFalse()
    {
        Assert.True(Matches("{ $alwaysTrue: 1 }", "{}"));
        Assert.False(Matches("{ $alwaysFalse: 1 }", "{}"));
    }
}
