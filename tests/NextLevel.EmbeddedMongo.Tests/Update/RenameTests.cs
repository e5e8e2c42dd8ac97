using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class RenameTests
{
    [Fact]
    public void Rename_moves_the_value_to_a_new_field_at_the_end() =>
        Yields("{_id: 1, a: 1, b: 2}", "{$rename: {a: 'c'}}", "{_id: 1, b: 2, c: 1}");

    [Fact]
    public void Rename_onto_an_existing_field_keeps_that_field_position() =>
        Yields("{_id: 1, a: 1, b: 2, c: 3}", "{$rename: {c: 'a'}}", "{_id: 1, a: 3, b: 2}");

    [Fact]
    public void Rename_into_a_nested_path_creates_documents() =>
        Yields("{_id: 1, a: 1}", "{$rename: {a: 'x.y'}}", "{_id: 1, x: {y: 1}}");

    [Fact]
    public void Rename_out_of_a_nested_document() =>
        Yields("{_id: 1, a: {b: 1, c: 2}}", "{$rename: {'a.b': 'd'}}", "{_id: 1, a: {c: 2}, d: 1}");

    [Fact]
    public void Rename_of_a_missing_field_is_a_no_op() => IsNoOp("{_id: 1, b: 2}", "{$rename: {a: 'b'}}");

    [Fact]
    public void Rename_to_a_non_string_fails()
    {
        var error = FailsToParse("{$rename: {a: 1}}");
        HasError(error, 2, "The 'to' field for $rename must be a string: a: 1");
    }

    [Fact]
    public void Rename_to_the_same_field_fails()
    {
        var error = FailsToParse("{$rename: {a: 'a'}}");
        HasError(error, 2, "The source and target field for $rename must differ: a: \"a\"");
    }

    [Fact]
    public void Rename_on_the_same_path_fails()
    {
        var error = FailsToParse("{$rename: {a: 'a.b'}}");
        HasError(error, 2, "The source and target field for $rename must not be on the same path: a: \"a.b\"");
    }

    [Fact]
    public void Rename_with_a_positional_source_fails()
    {
        var error = FailsToParse("{$rename: {'a.$': 'b'}}");
        HasError(error, 2, "The source field for $rename may not be dynamic: a.$");
    }

    [Fact]
    public void Rename_conflicts_with_another_operator_on_the_source()
    {
        var error = FailsToParse("{$rename: {a: 'b'}, $set: {a: 1}}");
        HasError(error, 40, "Updating the path 'a' would create a conflict at 'a'");
    }

    [Fact]
    public void Rename_conflicts_with_another_operator_on_the_destination()
    {
        var error = FailsToParse("{$set: {'b.c': 1}, $rename: {a: 'b'}}");
        HasError(error, 40, "Updating the path 'b' would create a conflict at 'b'");
    }

    [Fact]
    public void Rename_of_an_array_element_fails()
    {
        var error = Fails("{_id: 1, a: [{b: 1}]}", "{$rename: {'a.0.b': 'c'}}");
        HasError(error, 2, "The source field cannot be an array element, 'a.0.b' in doc with _id: 1 has an array field called 'a'");
    }

    [Fact]
    public void Rename_into_an_array_element_fails()
    {
        var error = Fails("{_id: 1, a: 1, b: [{c: 1}]}", "{$rename: {a: 'b.0.c'}}");
        Assert.Equal(2, error.Code);
        Assert.StartsWith("The destination field cannot be an array element", error.Message);
    }

    [Fact]
    public void Rename_of_the_id_fails()
    {
        var error = Fails("{_id: 1}", "{$rename: {_id: 'x'}}");
        Assert.Equal(66, error.Code);
    }
}
