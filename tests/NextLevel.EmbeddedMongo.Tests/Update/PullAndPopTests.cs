using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class PullAndPopTests
{
    [Fact]
    public void Pull_removes_every_equal_value() =>
        Yields("{_id: 1, a: [1, 2, 1.0, NumberLong(1), 3]}", "{$pull: {a: 1}}", "{_id: 1, a: [2, 3]}");

    [Fact]
    public void Pull_of_an_absent_value_is_a_no_op() => IsNoOp("{_id: 1, a: [1, 2]}", "{$pull: {a: 5}}");

    [Fact]
    public void Pull_of_a_missing_field_is_a_no_op() => IsNoOp("{_id: 1}", "{$pull: {a: 5}}");

    [Fact]
    public void Pull_an_array_value_removes_equal_arrays() =>
        Yields("{_id: 1, a: [[1, 2], [2, 1]]}", "{$pull: {a: [1, 2]}}", "{_id: 1, a: [[2, 1]]}");

    [Fact]
    public void Pull_with_an_operator_condition_matches_scalar_elements() =>
        Yields("{_id: 1, a: [1, 5, 8, 3]}", "{$pull: {a: {$gte: 5}}}", "{_id: 1, a: [1, 3]}");

    [Fact]
    public void Pull_with_in_removes_each_listed_value() =>
        Yields("{_id: 1, a: ['x', 'y', 'z']}", "{$pull: {a: {$in: ['x', 'z']}}}", "{_id: 1, a: ['y']}");

    [Fact]
    public void Pull_with_a_document_is_a_query_on_document_elements() =>
        Yields("{_id: 1, a: [{s: 'M', c: 1}, {s: 'L'}, 'M']}", "{$pull: {a: {s: 'M'}}}", "{_id: 1, a: [{s: 'L'}, 'M']}");

    [Fact]
    public void Pull_with_a_document_condition_using_operators_on_fields() =>
        Yields("{_id: 1, a: [{q: 1}, {q: 10}]}", "{$pull: {a: {q: {$gt: 5}}}}", "{_id: 1, a: [{q: 1}]}");

    [Fact]
    public void Pull_with_elemMatch_on_nested_arrays() =>
        Yields("{_id: 1, a: [[1, 9], [2, 3]]}", "{$pull: {a: {$elemMatch: {$gt: 8}}}}", "{_id: 1, a: [[2, 3]]}");

    [Fact]
    public void Pull_on_a_non_array_fails()
    {
        var error = Fails("{_id: 1, a: 1}", "{$pull: {a: 1}}");
        HasError(error, 2, "Cannot apply $pull to a non-array value");
    }

    [Fact]
    public void Pull_through_a_scalar_fails_with_path_not_viable()
    {
        var error = Fails("{_id: 1, a: 1}", "{$pull: {'a.b': 1}}");
        Assert.Equal(28, error.Code);
    }

    [Fact]
    public void PullAll_removes_every_listed_value() =>
        Yields("{_id: 1, a: [1, 2, 3, 2, {b: 1}]}", "{$pullAll: {a: [2, {b: 1}]}}", "{_id: 1, a: [1, 3]}");

    [Fact]
    public void PullAll_requires_an_array()
    {
        var error = FailsToParse("{$pullAll: {a: 1}}");
        HasError(error, 2, "$pullAll requires an array argument but was given a int");
    }

    [Fact]
    public void PullAll_on_a_non_array_fails() => Assert.Equal(2, Fails("{_id: 1, a: 's'}", "{$pullAll: {a: [1]}}").Code);

    [Fact]
    public void Pop_one_removes_the_last_element() => Yields("{_id: 1, a: [1, 2, 3]}", "{$pop: {a: 1}}", "{_id: 1, a: [1, 2]}");

    [Fact]
    public void Pop_minus_one_removes_the_first_element() => Yields("{_id: 1, a: [1, 2, 3]}", "{$pop: {a: -1}}", "{_id: 1, a: [2, 3]}");

    [Fact]
    public void Pop_of_an_empty_array_is_a_no_op() => IsNoOp("{_id: 1, a: []}", "{$pop: {a: 1}}");

    [Fact]
    public void Pop_of_a_missing_field_is_a_no_op() => IsNoOp("{_id: 1}", "{$pop: {a: 1}}");

    [Fact]
    public void Pop_requires_one_or_minus_one()
    {
        var error = FailsToParse("{$pop: {a: 2}}");
        HasError(error, 9, "$pop expects 1 or -1, found: 2");
    }

    [Fact]
    public void Pop_on_a_non_array_fails()
    {
        var error = Fails("{_id: 1, a: 5}", "{$pop: {a: 1}}");
        HasError(error, 14, "Path 'a' contains an element of non-array type 'int'");
    }
}
