using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class PushTests
{
    [Fact]
    public void Push_appends_a_value() => Yields("{_id: 1, a: [1]}", "{$push: {a: 2}}", "{_id: 1, a: [1, 2]}");

    [Fact]
    public void Push_an_array_appends_it_as_one_element() =>
        Yields("{_id: 1, a: [1]}", "{$push: {a: [2, 3]}}", "{_id: 1, a: [1, [2, 3]]}");

    [Fact]
    public void Push_to_a_missing_field_creates_the_array() => Yields("{_id: 1}", "{$push: {'a.b': 1}}", "{_id: 1, a: {b: [1]}}");

    [Fact]
    public void Push_each_appends_every_value() =>
        Yields("{_id: 1, a: [1]}", "{$push: {a: {$each: [2, 3]}}}", "{_id: 1, a: [1, 2, 3]}");

    [Fact]
    public void Push_each_of_nothing_is_a_no_op() => IsNoOp("{_id: 1, a: [1]}", "{$push: {a: {$each: []}}}");

    [Fact]
    public void Push_position_inserts_at_the_index() =>
        Yields("{_id: 1, a: [1, 4]}", "{$push: {a: {$each: [2, 3], $position: 1}}}", "{_id: 1, a: [1, 2, 3, 4]}");

    [Fact]
    public void Push_negative_position_counts_from_the_end() =>
        Yields("{_id: 1, a: [1, 2, 3]}", "{$push: {a: {$each: [9], $position: -1}}}", "{_id: 1, a: [1, 2, 9, 3]}");

    [Fact]
    public void Push_position_beyond_the_end_appends() =>
        Yields("{_id: 1, a: [1]}", "{$push: {a: {$each: [2], $position: 10}}}", "{_id: 1, a: [1, 2]}");

    [Fact]
    public void Push_slice_keeps_the_first_elements() =>
        Yields("{_id: 1, a: [1, 2]}", "{$push: {a: {$each: [3, 4], $slice: 3}}}", "{_id: 1, a: [1, 2, 3]}");

    [Fact]
    public void Push_negative_slice_keeps_the_last_elements() =>
        Yields("{_id: 1, a: [1, 2]}", "{$push: {a: {$each: [3, 4], $slice: -2}}}", "{_id: 1, a: [3, 4]}");

    [Fact]
    public void Push_slice_zero_empties_the_array() =>
        Yields("{_id: 1, a: [1, 2]}", "{$push: {a: {$each: [3], $slice: 0}}}", "{_id: 1, a: []}");

    [Fact]
    public void Push_sort_ascending_sorts_whole_elements() =>
        Yields("{_id: 1, a: [3, 1]}", "{$push: {a: {$each: [2], $sort: 1}}}", "{_id: 1, a: [1, 2, 3]}");

    [Fact]
    public void Push_sort_descending_then_slice() =>
        Yields("{_id: 1, a: [3, 1]}", "{$push: {a: {$each: [5, 2], $sort: -1, $slice: 2}}}", "{_id: 1, a: [5, 3]}");

    [Fact]
    public void Push_sort_by_embedded_field() =>
        Yields("{_id: 1, a: [{s: 3}, {s: 1}]}", "{$push: {a: {$each: [{s: 2}], $sort: {s: 1}}}}", "{_id: 1, a: [{s: 1}, {s: 2}, {s: 3}]}");

    [Fact]
    public void Push_sort_by_two_fields_with_directions() =>
        Yields("{_id: 1, a: [{x: 1, y: 1}, {x: 2, y: 1}, {x: 1, y: 2}]}", "{$push: {a: {$each: [], $sort: {x: -1, y: 1}}}}",
            "{_id: 1, a: [{x: 2, y: 1}, {x: 1, y: 1}, {x: 1, y: 2}]}");

    [Fact]
    public void Push_to_a_non_array_fails()
    {
        var error = Fails("{_id: 1, a: 5}", "{$push: {a: 1}}");
        HasError(error, 2, "The field 'a' must be an array but is of type int in document {_id: 1}");
    }

    [Fact]
    public void Push_each_requires_an_array()
    {
        var error = FailsToParse("{$push: {a: {$each: 1}}}");
        HasError(error, 2, "The argument to $each in $push must be an array but it was of type: int");
    }

    [Fact]
    public void Push_rejects_an_unknown_clause()
    {
        var error = FailsToParse("{$push: {a: {$each: [1], $foo: 1}}}");
        HasError(error, 2, "Unrecognized clause in $push: $foo");
    }

    [Fact]
    public void Push_slice_requires_an_integer()
    {
        var error = FailsToParse("{$push: {a: {$each: [1], $slice: 'x'}}}");
        Assert.Equal(2, error.Code);
    }

    [Fact]
    public void Push_position_requires_an_integer()
    {
        var error = FailsToParse("{$push: {a: {$each: [1], $position: 1.5}}}");
        Assert.Equal(2, error.Code);
    }

    [Fact]
    public void Push_sort_requires_one_or_minus_one()
    {
        Assert.Equal(2, FailsToParse("{$push: {a: {$each: [1], $sort: 2}}}").Code);
        Assert.Equal(2, FailsToParse("{$push: {a: {$each: [1], $sort: {b: 0}}}}").Code);
        Assert.Equal(2, FailsToParse("{$push: {a: {$each: [1], $sort: {}}}}").Code);
    }

    [Fact]
    public void Push_of_a_document_with_dollar_fields_but_no_each_pushes_the_document() =>
        Yields("{_id: 1, a: []}", "{$push: {a: {$slice: 1}}}", "{_id: 1, a: [{$slice: 1}]}");
}
