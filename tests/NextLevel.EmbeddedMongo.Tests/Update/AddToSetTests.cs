using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class AddToSetTests
{
    [Fact]
    public void AddToSet_appends_a_new_value() => Yields("{_id: 1, a: [1]}", "{$addToSet: {a: 2}}", "{_id: 1, a: [1, 2]}");

    [Fact]
    public void AddToSet_of_a_present_value_is_a_no_op() => IsNoOp("{_id: 1, a: [1, 2]}", "{$addToSet: {a: 2}}");

    [Fact]
    public void AddToSet_uses_mongodb_numeric_equality() => IsNoOp("{_id: 1, a: [1]}", "{$addToSet: {a: 1.0}}");

    [Fact]
    public void AddToSet_documents_with_other_field_order_are_different() =>
        Yields("{_id: 1, a: [{x: 1, y: 2}]}", "{$addToSet: {a: {y: 2, x: 1}}}", "{_id: 1, a: [{x: 1, y: 2}, {y: 2, x: 1}]}");

    [Fact]
    public void AddToSet_each_adds_only_missing_values_once() =>
        Yields("{_id: 1, a: [1]}", "{$addToSet: {a: {$each: [1, 2, 2, 3]}}}", "{_id: 1, a: [1, 2, 3]}");

    [Fact]
    public void AddToSet_to_a_missing_field_creates_the_array() =>
        Yields("{_id: 1}", "{$addToSet: {a: {$each: [3, 3, 4]}}}", "{_id: 1, a: [3, 4]}");

    [Fact]
    public void AddToSet_to_a_non_array_fails()
    {
        var error = Fails("{_id: 1, a: 1}", "{$addToSet: {a: 2}}");
        HasError(error, 2, "Cannot apply $addToSet to non-array field. Field named 'a' has non-array type int");
    }

    [Fact]
    public void AddToSet_each_requires_an_array()
    {
        var error = FailsToParse("{$addToSet: {a: {$each: 1}}}");
        Assert.Equal(14, error.Code);
    }
}
