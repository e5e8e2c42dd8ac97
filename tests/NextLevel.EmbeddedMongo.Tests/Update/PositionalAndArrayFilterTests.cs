using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class PositionalAndArrayFilterTests
{
    [Fact]
    public void Positional_updates_the_matched_element() =>
        Yields("{_id: 1, a: [1, 2, 3]}", "{$set: {'a.$': 20}}", "{_id: 1, a: [1, 20, 3]}", matchedIndex: 1);

    [Fact]
    public void Positional_updates_a_field_of_the_matched_document() =>
        Yields("{_id: 1, g: [{s: 1}, {s: 2}]}", "{$inc: {'g.$.s': 10}}", "{_id: 1, g: [{s: 1}, {s: 12}]}", matchedIndex: 1);

    [Fact]
    public void Positional_without_a_match_fails()
    {
        var error = Fails("{_id: 1, a: [1]}", "{$set: {'a.$': 2}}");
        HasError(error, 2, "The positional operator did not find the match needed from the query.");
    }

    [Fact]
    public void Positional_twice_in_a_path_fails_to_parse()
    {
        var error = FailsToParse("{$set: {'a.$.b.$': 1}}");
        HasError(error, 2, "Too many positional (i.e. '$') elements found in path 'a.$.b.$'");
    }

    [Fact]
    public void Positional_first_in_a_path_fails_to_parse()
    {
        var error = FailsToParse("{$set: {'$.a': 1}}");
        HasError(error, 2, "Cannot have positional (i.e. '$') element in the first position in path '$.a'");
    }

    [Fact]
    public void All_positional_updates_every_element() =>
        Yields("{_id: 1, a: [1, 2, 3]}", "{$inc: {'a.$[]': 10}}", "{_id: 1, a: [11, 12, 13]}");

    [Fact]
    public void All_positional_sets_a_field_in_every_document() =>
        Yields("{_id: 1, a: [{b: 1}, {}]}", "{$set: {'a.$[].c': 0}}", "{_id: 1, a: [{b: 1, c: 0}, {c: 0}]}");

    [Fact]
    public void Nested_all_positional_reaches_inner_arrays() =>
        Yields("{_id: 1, a: [[1], [2, 3]]}", "{$mul: {'a.$[].$[]': 2}}", "{_id: 1, a: [[2], [4, 6]]}");

    [Fact]
    public void All_positional_on_a_missing_field_fails()
    {
        var error = Fails("{_id: 1}", "{$set: {'a.$[]': 1}}");
        HasError(error, 2, "The path 'a' must exist in the document in order to apply array updates.");
    }

    [Fact]
    public void All_positional_on_a_non_array_fails()
    {
        var error = Fails("{_id: 1, a: 5}", "{$set: {'a.$[]': 1}}");
        HasError(error, 2, "Cannot apply array updates to non-array element a: 5");
    }

    [Fact]
    public void Array_filter_on_scalar_elements() =>
        Yields("{_id: 1, a: [1, 5, 9]}", "{$set: {'a.$[x]': 0}}", "{_id: 1, a: [1, 0, 0]}", arrayFilters: "[{x: {$gt: 3}}]");

    [Fact]
    public void Array_filter_on_a_field_of_document_elements() =>
        Yields("{_id: 1, grades: [{grade: 80, mean: 75}, {grade: 85, mean: 90}, {grade: 90, mean: 85}]}",
            "{$set: {'grades.$[elem].mean': 100}}",
            "{_id: 1, grades: [{grade: 80, mean: 75}, {grade: 85, mean: 100}, {grade: 90, mean: 100}]}",
            arrayFilters: "[{'elem.grade': {$gte: 85}}]");

    [Fact]
    public void Array_filter_selecting_nothing_is_a_no_op() =>
        IsNoOp("{_id: 1, a: [1, 2]}", "{$set: {'a.$[x]': 0}}", arrayFilters: "[{x: {$gt: 10}}]");

    [Fact]
    public void Two_array_filters_on_nested_arrays() =>
        Yields("{_id: 1, a: [{b: [1, 5]}, {b: [7]}]}", "{$inc: {'a.$[i].b.$[j]': 100}}",
            "{_id: 1, a: [{b: [1, 105]}, {b: [7]}]}", arrayFilters: "[{'i.b': 1}, {j: {$gte: 5}}]");

    [Fact]
    public void Undeclared_array_filter_identifier_fails()
    {
        var error = FailsToParse("{$set: {'a.$[x]': 1}}");
        HasError(error, 2, "No array filter found for identifier 'x' in path 'a.$[x]'");
    }

    [Fact]
    public void Unused_array_filter_fails()
    {
        var error = FailsToParse("{$set: {a: 1}}", "[{x: 1}]");
        HasError(error, 9, "The array filter for identifier 'x' was not used in the update { $set: { a: 1 } }");
    }

    [Fact]
    public void Duplicate_array_filter_identifier_fails()
    {
        var error = FailsToParse("{$set: {'a.$[x]': 1}}", "[{x: 1}, {x: 2}]");
        HasError(error, 9, "Found multiple array filters with the same top-level field name x");
    }

    [Fact]
    public void Array_filter_identifier_must_start_with_a_lowercase_letter()
    {
        var error = FailsToParse("{$set: {'a.$[X]': 1}}", "[{X: 1}]");
        Assert.Equal(2, error.Code);
    }

    [Fact]
    public void Array_filter_with_two_identifiers_fails()
    {
        var error = FailsToParse("{$set: {'a.$[x]': 1}}", "[{x: 1, y: 1}]");
        Assert.Equal(9, error.Code);
    }

    [Fact]
    public void Array_filter_first_in_a_path_fails_to_parse()
    {
        var error = FailsToParse("{$set: {'$[].a': 1}}");
        Assert.Equal(2, error.Code);
    }

    [Fact]
    public void Positional_and_index_on_the_same_element_conflict()
    {
        var error = Fails("{_id: 1, a: [1, 2]}", "{$set: {'a.$': 5, 'a.1': 6}}", matchedIndex: 1);
        Assert.Equal(40, error.Code);
    }

    [Fact]
    public void Two_array_filters_selecting_the_same_element_conflict()
    {
        var error = Fails("{_id: 1, a: [1, 2]}", "{$set: {'a.$[x]': 5, 'a.$[y]': 6}}", arrayFilters: "[{x: 2}, {y: {$gt: 1}}]");
        Assert.Equal(40, error.Code);
    }

    [Fact]
    public void Array_filter_with_and_on_the_identifier() =>
        Yields("{_id: 1, a: [{q: 1, r: 1}, {q: 1, r: 2}, {q: 2, r: 2}]}", "{$set: {'a.$[e].hit': true}}",
            "{_id: 1, a: [{q: 1, r: 1}, {q: 1, r: 2, hit: true}, {q: 2, r: 2}]}", arrayFilters: "[{$and: [{'e.q': 1}, {'e.r': 2}]}]");

    [Fact]
    public void Array_filter_combined_with_the_positional_operator() =>
        Yields("{_id: 1, a: [{b: [1, 2]}, {b: [3, 4]}]}", "{$inc: {'a.$.b.$[x]': 10}}",
            "{_id: 1, a: [{b: [1, 2]}, {b: [3, 14]}]}", arrayFilters: "[{x: {$gt: 3}}]", matchedIndex: 1);
}
