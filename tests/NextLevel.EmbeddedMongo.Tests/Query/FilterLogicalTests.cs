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

public class FilterCombinationTests
{
    [Fact]
    public void Not_with_in_rejects_listed_values_and_matches_missing()
    {
        Assert.False(QueryTestHelpers.Matches("{ a: { $not: { $in: [1, 2] } } }", "{ a: 2 }"));
        Assert.True(QueryTestHelpers.Matches("{ a: { $not: { $in: [1, 2] } } }", "{ b: 2 }"));
    }

    [Fact]
    public void Nin_with_null_rejects_missing() => Assert.False(QueryTestHelpers.Matches("{ a: { $nin: [null] } }", "{ b: 1 }"));

    [Fact]
    public void Exists_and_ne_null_together()
    {
        Assert.True(QueryTestHelpers.Matches("{ a: { $exists: true, $ne: null } }", "{ a: 0 }"));
        Assert.False(QueryTestHelpers.Matches("{ a: { $exists: true, $ne: null } }", "{ a: null }"));
    }

    [Fact]
    public void Or_inside_elemMatch_applies_to_one_element()
    {
        const string filter = "{ rooms: { $elemMatch: { kind: 'bed', $or: [ { size: { $gt: 20 } }, { view: true } ] } } }";
        Assert.True(QueryTestHelpers.Matches(filter, "{ rooms: [ { kind: 'bed', size: 10, view: true } ] }"));
        Assert.False(QueryTestHelpers.Matches(filter, "{ rooms: [ { kind: 'bed', size: 10 }, { kind: 'bath', view: true } ] }"));
    }

    [Fact]
    public void Deeply_nested_logical_operators()
    {
        const string filter = "{ $and: [ { $or: [ { a: 1 }, { $nor: [ { b: 1 } ] } ] }, { c: { $not: { $lt: 0 } } } ] }";
        Assert.True(QueryTestHelpers.Matches(filter, "{ a: 0, b: 0, c: 5 }"));
        Assert.False(QueryTestHelpers.Matches(filter, "{ a: 0, b: 1, c: 5 }"));
        Assert.False(QueryTestHelpers.Matches(filter, "{ a: 1, c: -1 }"));
    }

    [Fact]
    public void Matching_is_repeatable_and_does_not_change_the_document()
    {
        var filter = NextLevel.EmbeddedMongo.Query.Filter.Parse(MongoDB.Bson.BsonDocument.Parse("{ 'a.b': { $gt: 1 } }"));
        var document = MongoDB.Bson.BsonDocument.Parse("{ a: [ { b: 1 }, { b: 2 } ] }");
        var before = MongoDB.Bson.BsonExtensionMethods.ToJson(document);
        Assert.True(filter.Matches(document));
        Assert.True(filter.Matches(document));
        Assert.Equal(before, MongoDB.Bson.BsonExtensionMethods.ToJson(document));
    }
}
