using static NextLevel.EmbeddedMongo.Tests.Query.QueryTestHelpers;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class FilterComparisonTests
{
    [Fact]
    public void Empty_filter_matches_everything() => Assert.True(Matches("{}", "{ a: 1 }"));

    [Fact]
    public void Implicit_equality_matches_equal_value() => Assert.True(Matches("{ city: 'Lyon' }", "{ city: 'Lyon' }"));

    [Fact]
    public void Implicit_equality_rejects_other_value() => Assert.False(Matches("{ city: 'Lyon' }", "{ city: 'Paris' }"));

    [Fact]
    public void Numbers_are_equal_across_types()
    {
        Assert.True(Matches("{ price: 100 }", "{ price: 100.0 }"));
        Assert.True(Matches("{ price: NumberLong(100) }", "{ price: NumberDecimal('100.00') }"));
        Assert.True(Matches("{ price: { $eq: 1.0 } }", "{ price: 1 }"));
    }

    [Fact]
    public void Null_matches_null_and_missing_but_not_undefined()
    {
        Assert.True(Matches("{ a: null }", "{ a: null }"));
        Assert.True(Matches("{ a: null }", "{ b: 1 }"));
        Assert.False(Matches("{ a: null }", "{ a: undefined }"));
        Assert.False(Matches("{ a: null }", "{ a: 0 }"));
    }

    [Fact]
    public void Null_on_a_dotted_path_matches_array_elements_missing_the_field()
    {
        Assert.True(Matches("{ 'a.b': null }", "{ a: [ { b: 1 }, { c: 2 } ] }"));
        Assert.False(Matches("{ 'a.b': null }", "{ a: [ { b: 1 }, { b: 2 } ] }"));
        Assert.True(Matches("{ 'a.b': null }", "{ a: 5 }"));
    }

    [Fact]
    public void Equality_matches_any_array_element() => Assert.True(Matches("{ tags: 'sea' }", "{ tags: ['garden', 'sea'] }"));

    [Fact]
    public void Equality_to_an_array_matches_the_whole_array_in_order()
    {
        Assert.True(Matches("{ tags: ['a', 'b'] }", "{ tags: ['a', 'b'] }"));
        Assert.False(Matches("{ tags: ['a', 'b'] }", "{ tags: ['b', 'a'] }"));
        Assert.True(Matches("{ tags: ['a', 'b'] }", "{ tags: [['a', 'b'], 'c'] }"));
    }

    [Fact]
    public void Equality_does_not_look_inside_nested_arrays() => Assert.False(Matches("{ a: 1 }", "{ a: [[1, 2]] }"));

    [Fact]
    public void Equality_to_an_embedded_document_is_exact_including_field_order()
    {
        Assert.True(Matches("{ owner: { first: 'Ann', last: 'Lee' } }", "{ owner: { first: 'Ann', last: 'Lee' } }"));
        Assert.False(Matches("{ owner: { first: 'Ann', last: 'Lee' } }", "{ owner: { last: 'Lee', first: 'Ann' } }"));
        Assert.False(Matches("{ owner: { first: 'Ann' } }", "{ owner: { first: 'Ann', last: 'Lee' } }"));
    }

    [Fact]
    public void Dotted_path_reaches_into_arrays_of_documents()
    {
        Assert.True(Matches("{ 'rooms.size': 15 }", "{ rooms: [ { size: 12 }, { size: 15 } ] }"));
        Assert.True(Matches("{ 'rooms.1.size': 15 }", "{ rooms: [ { size: 12 }, { size: 15 } ] }"));
        Assert.False(Matches("{ 'rooms.0.size': 15 }", "{ rooms: [ { size: 12 }, { size: 15 } ] }"));
    }

    [Fact]
    public void Gt_on_a_number_only_matches_numbers()
    {
        Assert.True(Matches("{ a: { $gt: 5 } }", "{ a: 6.5 }"));
        Assert.False(Matches("{ a: { $gt: 5 } }", "{ a: 'zzz' }"));
        Assert.False(Matches("{ a: { $gt: 5 } }", "{ a: null }"));
        Assert.False(Matches("{ a: { $gt: 5 } }", "{ b: 1 }"));
    }

    [Fact]
    public void Lt_on_a_string_only_matches_strings()
    {
        Assert.True(Matches("{ a: { $lt: 'm' } }", "{ a: 'a' }"));
        Assert.False(Matches("{ a: { $lt: 'm' } }", "{ a: 1 }"));
    }

    [Fact]
    public void Gt_on_array_matches_any_element()
    {
        Assert.True(Matches("{ a: { $gt: 5 } }", "{ a: [1, 7] }"));
        Assert.False(Matches("{ a: { $gt: 5 } }", "{ a: [1, 2] }"));
    }

    [Fact]
    public void Range_on_array_may_be_satisfied_by_different_elements()
    {
        Assert.True(Matches("{ a: { $gt: 5, $lt: 3 } }", "{ a: [1, 7] }"));
    }

    [Fact]
    public void Gte_and_lte_null_match_missing_and_null()
    {
        Assert.True(Matches("{ a: { $gte: null } }", "{ b: 1 }"));
        Assert.True(Matches("{ a: { $lte: null } }", "{ a: null }"));
        Assert.False(Matches("{ a: { $gt: null } }", "{ a: null }"));
        Assert.False(Matches("{ a: { $gte: null } }", "{ a: 1 }"));
    }

    [Fact]
    public void Comparison_with_dates()
    {
        Assert.True(Matches("{ at: { $gte: ISODate('2024-01-01T00:00:00Z') } }", "{ at: ISODate('2024-06-01T00:00:00Z') }"));
        Assert.False(Matches("{ at: { $gte: ISODate('2024-01-01T00:00:00Z') } }", "{ at: '2024-06-01' }"));
    }

    [Fact]
    public void MinKey_and_MaxKey_bounds_compare_with_every_type()
    {
        Assert.True(Matches("{ a: { $gt: { $minKey: 1 } } }", "{ a: 'text' }"));
        Assert.True(Matches("{ a: { $lt: { $maxKey: 1 } } }", "{ a: { x: 1 } }"));
    }

    [Fact]
    public void NaN_only_matches_NaN()
    {
        Assert.True(Matches("{ a: NaN }", "{ a: NaN }"));
        Assert.True(Matches("{ a: { $gte: NaN } }", "{ a: NaN }"));
        Assert.False(Matches("{ a: { $gt: NaN } }", "{ a: 5 }"));
        Assert.False(Matches("{ a: { $lt: 5 } }", "{ a: NaN }"));
    }

    [Fact]
    public void Large_long_and_double_compare_exactly()
    {
        Assert.True(Matches("{ a: { $gt: 9007199254740992.0 } }", "{ a: NumberLong('9007199254740993') }"));
    }

    [Fact]
    public void In_matches_any_listed_value_or_array_element()
    {
        Assert.True(Matches("{ status: { $in: ['new', 'open'] } }", "{ status: 'open' }"));
        Assert.True(Matches("{ tags: { $in: ['x', 'sea'] } }", "{ tags: ['sea', 'quiet'] }"));
        Assert.False(Matches("{ status: { $in: ['new', 'open'] } }", "{ status: 'closed' }"));
        Assert.False(Matches("{ status: { $in: [] } }", "{ status: 'closed' }"));
    }

    [Fact]
    public void In_with_null_matches_missing() => Assert.True(Matches("{ a: { $in: [null, 1] } }", "{ b: 1 }"));

    [Fact]
    public void In_with_regex_matches_strings()
    {
        Assert.True(Matches("{ name: { $in: [/^jo/i, 'x'] } }", "{ name: 'John' }"));
        Assert.False(Matches("{ name: { $in: [/^jo/] } }", "{ name: 'John' }"));
    }

    [Fact]
    public void In_with_many_values_uses_numeric_equality_across_types()
    {
        Assert.True(Matches("{ a: { $in: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] } }", "{ a: 11.0 }"));
        Assert.True(Matches("{ a: { $in: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null] } }", "{ b: 1 }"));
        Assert.False(Matches("{ a: { $in: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] } }", "{ a: 12 }"));
    }

    [Fact]
    public void Ne_rejects_arrays_containing_the_value()
    {
        Assert.False(Matches("{ a: { $ne: 1 } }", "{ a: [1, 2] }"));
        Assert.True(Matches("{ a: { $ne: 1 } }", "{ a: [2, 3] }"));
        Assert.True(Matches("{ a: { $ne: 1 } }", "{ b: 1 }"));
    }

    [Fact]
    public void Ne_null_requires_a_present_non_null_value()
    {
        Assert.False(Matches("{ a: { $ne: null } }", "{ b: 1 }"));
        Assert.False(Matches("{ a: { $ne: null } }", "{ a: null }"));
        Assert.True(Matches("{ a: { $ne: null } }", "{ a: 0 }"));
    }

    [Fact]
    public void Nin_matches_missing_and_rejects_listed_values()
    {
        Assert.True(Matches("{ a: { $nin: [1, 2] } }", "{ b: 1 }"));
        Assert.False(Matches("{ a: { $nin: [1, 2] } }", "{ a: [3, 2] }"));
        Assert.True(Matches("{ a: { $nin: [] } }", "{ a: 1 }"));
    }

    [Fact]
    public void Eq_with_a_regex_value_compares_regexes_not_strings()
    {
        Assert.False(Matches("{ a: { $eq: /abc/ } }", "{ a: 'abc' }"));
        Assert.True(Matches("{ a: { $eq: /abc/ } }", "{ a: /abc/ }"));
    }

    [Fact]
    public void DBRef_shaped_documents_are_values_not_operators()
    {
        Assert.True(Matches("{ ref: { $ref: 'c', $id: 1 } }", "{ ref: { $ref: 'c', $id: 1 } }"));
    }
}

public class FilterDBRefTests
{
    [Fact]
    public void ElemMatch_over_references_compares_ref_and_id()
    {
        const string filter = "{ owners: { $elemMatch: { $ref: 'users', $id: 5 } } }";
        Assert.True(QueryTestHelpers.Matches(filter, "{ owners: [ { $ref: 'users', $id: 4 }, { $ref: 'users', $id: 5 } ] }"));
        Assert.False(QueryTestHelpers.Matches(filter, "{ owners: [ { $ref: 'users', $id: 4 } ] }"));
    }

    [Fact]
    public void An_incomplete_dbref_is_an_unknown_operator() =>
        Assert.Equal(2, QueryTestHelpers.ParseError("{ a: { $id: 1 } }").Code);
}
