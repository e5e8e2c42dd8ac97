using static NextLevel.EmbeddedMongo.Tests.Query.QueryTestHelpers;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class FilterArrayTests
{
    [Fact]
    public void All_requires_every_value()
    {
        Assert.True(Matches("{ tags: { $all: ['sea', 'quiet'] } }", "{ tags: ['quiet', 'garden', 'sea'] }"));
        Assert.False(Matches("{ tags: { $all: ['sea', 'quiet'] } }", "{ tags: ['sea'] }"));
    }

    [Fact]
    public void All_with_an_empty_array_matches_nothing() => Assert.False(Matches("{ tags: { $all: [] } }", "{ tags: [] }"));

    [Fact]
    public void All_on_a_scalar_field_matches_when_equal() => Assert.True(Matches("{ a: { $all: [1] } }", "{ a: 1 }"));

    [Fact]
    public void All_with_regexes() => Assert.True(Matches("{ tags: { $all: [/^se/, /^qu/] } }", "{ tags: ['sea', 'quiet'] }"));

    [Fact]
    public void All_with_elemMatch_clauses()
    {
        const string filter = "{ rooms: { $all: [ { $elemMatch: { kind: 'bed', size: { $gt: 10 } } }, { $elemMatch: { kind: 'bath' } } ] } }";
        Assert.True(Matches(filter, "{ rooms: [ { kind: 'bed', size: 12 }, { kind: 'bath', size: 4 } ] }"));
        Assert.False(Matches(filter, "{ rooms: [ { kind: 'bed', size: 8 }, { kind: 'bath', size: 4 } ] }"));
    }

    [Fact]
    public void All_mixing_elemMatch_and_values_is_rejected() =>
        Assert.Equal(2, ParseError("{ a: { $all: [ { $elemMatch: { b: 1 } }, 5 ] } }").Code);

    [Fact]
    public void ElemMatch_requires_one_element_to_satisfy_all_conditions()
    {
        const string filter = "{ rooms: { $elemMatch: { kind: 'bed', size: { $gt: 10 } } } }";
        Assert.True(Matches(filter, "{ rooms: [ { kind: 'bed', size: 12 } ] }"));
        Assert.False(Matches(filter, "{ rooms: [ { kind: 'bed', size: 8 }, { kind: 'bath', size: 14 } ] }"));
    }

    [Fact]
    public void Dotted_paths_may_be_satisfied_by_different_elements_unlike_elemMatch()
    {
        Assert.True(Matches("{ 'rooms.kind': 'bed', 'rooms.size': { $gt: 10 } }", "{ rooms: [ { kind: 'bed', size: 8 }, { kind: 'bath', size: 14 } ] }"));
    }

    [Fact]
    public void ElemMatch_value_form_applies_operators_to_each_element()
    {
        Assert.True(Matches("{ scores: { $elemMatch: { $gte: 80, $lt: 85 } } }", "{ scores: [70, 82, 90] }"));
        Assert.False(Matches("{ scores: { $elemMatch: { $gte: 80, $lt: 85 } } }", "{ scores: [70, 90] }"));
    }

    [Fact]
    public void ElemMatch_only_matches_arrays() => Assert.False(Matches("{ a: { $elemMatch: { $gt: 1 } } }", "{ a: 5 }"));

    [Fact]
    public void ElemMatch_value_form_negation_applies_per_element()
    {
        Assert.True(Matches("{ a: { $elemMatch: { $ne: 1 } } }", "{ a: [1, 2] }"));
        Assert.False(Matches("{ a: { $elemMatch: { $ne: 1 } } }", "{ a: [1, 1] }"));
    }

    [Fact]
    public void ElemMatch_with_logical_operators_is_the_query_form()
    {
        Assert.True(Matches("{ a: { $elemMatch: { $or: [ { b: 1 }, { c: 1 } ] } } }", "{ a: [ { c: 1 } ] }"));
    }

    [Fact]
    public void Empty_elemMatch_matches_arrays_containing_a_document()
    {
        Assert.True(Matches("{ a: { $elemMatch: {} } }", "{ a: [1, { }] }"));
        Assert.False(Matches("{ a: { $elemMatch: {} } }", "{ a: [1, 2] }"));
    }

    [Fact]
    public void Nested_elemMatch()
    {
        const string filter = "{ a: { $elemMatch: { b: { $elemMatch: { $gt: 5 } } } } }";
        Assert.True(Matches(filter, "{ a: [ { b: [1, 6] } ] }"));
        Assert.False(Matches(filter, "{ a: [ { b: [1, 2] } ] }"));
    }

    [Fact]
    public void Size_matches_array_length_only()
    {
        Assert.True(Matches("{ a: { $size: 2 } }", "{ a: [1, 2] }"));
        Assert.False(Matches("{ a: { $size: 1 } }", "{ a: [[1], 2] }"));
        Assert.True(Matches("{ a: { $size: 0 } }", "{ a: [] }"));
        Assert.False(Matches("{ a: { $size: 0 } }", "{ b: 1 }"));
        Assert.True(Matches("{ a: { $size: 2.0 } }", "{ a: [1, 2] }"));
    }

    [Fact]
    public void Size_through_array_of_documents() => Assert.True(Matches("{ 'a.b': { $size: 2 } }", "{ a: [ { b: [1] }, { b: [1, 2] } ] }"));

    [Fact]
    public void Array_index_records_the_matching_element()
    {
        Assert.Equal(1, MatchedArrayIndex("{ tags: 'b' }", "{ tags: ['a', 'b', 'c'] }"));
        Assert.Equal(2, MatchedArrayIndex("{ 'rooms.size': { $gt: 13 } }", "{ rooms: [ { size: 1 }, { size: 2 }, { size: 14 } ] }"));
        Assert.Equal(1, MatchedArrayIndex("{ rooms: { $elemMatch: { size: 2 } } }", "{ rooms: [ { size: 1 }, { size: 2 } ] }"));
    }

    [Fact]
    public void Array_index_is_the_position_in_the_first_array_of_the_path()
    {
        Assert.Equal(1, MatchedArrayIndex("{ 'a.b': 6 }", "{ a: [ { b: [1] }, { b: [5, 6] } ] }"));
    }

    [Fact]
    public void Array_index_is_unset_for_scalars() => Assert.Null(MatchedArrayIndex("{ a: 1 }", "{ a: 1 }"));

    [Fact]
    public void Array_index_comes_from_the_clause_that_matched_an_array()
    {
        Assert.Equal(0, MatchedArrayIndex("{ name: 'x', 'items.qty': { $gte: 5 } }", "{ name: 'x', items: [ { qty: 5 }, { qty: 1 } ] }"));
    }
}

public class FilterArrayIndexTests
{
    [Fact]
    public void A_failed_or_branch_does_not_leave_its_position_behind() =>
        Assert.Null(QueryTestHelpers.MatchedArrayIndex("{ $or: [ { tags: 'b', x: 1 }, { y: 1 } ] }", "{ tags: ['a', 'b'], y: 1 }"));
}
