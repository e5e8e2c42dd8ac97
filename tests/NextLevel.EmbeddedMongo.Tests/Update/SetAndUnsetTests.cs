using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class SetAndUnsetTests
{
    [Fact]
    public void Set_replaces_an_existing_field_in_place() =>
        Yields("{_id: 1, a: 1, b: 2}", "{$set: {a: 'x'}}", "{_id: 1, a: 'x', b: 2}");

    [Fact]
    public void Set_appends_a_new_field() =>
        Yields("{_id: 1, b: 2}", "{$set: {a: 1}}", "{_id: 1, b: 2, a: 1}");

    [Fact]
    public void New_fields_of_one_update_are_appended_in_field_name_order() =>
        Yields("{_id: 1}", "{$set: {c: 3, a: 1}, $inc: {b: 2}}", "{_id: 1, a: 1, b: 2, c: 3}");

    [Fact]
    public void Set_creates_intermediate_documents_for_dotted_paths() =>
        Yields("{_id: 1}", "{$set: {'a.b.c': 1}}", "{_id: 1, a: {b: {c: 1}}}");

    [Fact]
    public void Set_of_two_paths_under_a_new_parent_creates_the_parent_once() =>
        Yields("{_id: 1}", "{$set: {'a.c': 2, 'a.b': 1}}", "{_id: 1, a: {b: 1, c: 2}}");

    [Fact]
    public void Set_inside_an_existing_embedded_document() =>
        Yields("{_id: 1, a: {x: 1}}", "{$set: {'a.y': 2}}", "{_id: 1, a: {x: 1, y: 2}}");

    [Fact]
    public void Set_an_array_element_by_index() =>
        Yields("{_id: 1, a: [1, 2, 3]}", "{$set: {'a.1': 20}}", "{_id: 1, a: [1, 20, 3]}");

    [Fact]
    public void Set_beyond_the_end_of_an_array_pads_with_nulls() =>
        Yields("{_id: 1, a: [1]}", "{$set: {'a.3': 4}}", "{_id: 1, a: [1, null, null, 4]}");

    [Fact]
    public void Set_a_field_of_a_document_in_an_array_by_index() =>
        Yields("{_id: 1, a: [{b: 1}, {b: 2}]}", "{$set: {'a.1.b': 5}}", "{_id: 1, a: [{b: 1}, {b: 5}]}");

    [Fact]
    public void Set_a_field_under_a_new_array_index_creates_a_document() =>
        Yields("{_id: 1, a: []}", "{$set: {'a.1.b': 5}}", "{_id: 1, a: [null, {b: 5}]}");

    [Fact]
    public void Set_numeric_component_on_a_document_is_a_field_name() =>
        Yields("{_id: 1, a: {}}", "{$set: {'a.0': 5}}", "{_id: 1, a: {'0': 5}}");

    [Fact]
    public void Set_the_same_value_is_a_no_op() =>
        IsNoOp("{_id: 1, a: {b: [1, 2]}}", "{$set: {a: {b: [1, 2]}}}");

    [Fact]
    public void Set_an_equal_value_of_another_numeric_type_is_a_change() =>
        Yields("{_id: 1, a: 1}", "{$set: {a: 1.0}}", "{_id: 1, a: 1.0}");

    [Fact]
    public void Set_through_a_scalar_fails_with_path_not_viable()
    {
        var error = Fails("{_id: 1, a: 5}", "{$set: {'a.b': 1}}");
        HasError(error, 28, "Cannot create field 'b' in element {a: 5}");
    }

    [Fact]
    public void Set_a_named_field_through_an_array_fails_with_path_not_viable()
    {
        var error = Fails("{_id: 1, a: [1, 2]}", "{$set: {'a.b': 1}}");
        Assert.Equal(28, error.Code);
    }

    [Fact]
    public void Set_allows_dollar_prefixed_names_nested_in_the_value() =>
        Yields("{_id: 1}", "{$set: {a: {$b: 1}}}", "{_id: 1, a: {$b: 1}}");

    [Fact]
    public void Set_rejects_a_dollar_prefixed_top_level_field()
    {
        var error = Fails("{_id: 1}", "{$set: {$a: 1}}");
        Assert.Equal(52, error.Code);
        Assert.StartsWith("The dollar ($) prefixed field '$a' in '$a'", error.Message);
    }

    [Fact]
    public void Set_with_an_empty_operand_is_a_no_op() =>
        IsNoOp("{_id: 1, a: 1}", "{$set: {}}");

    [Fact]
    public void Unset_removes_a_field() =>
        Yields("{_id: 1, a: 1, b: 2}", "{$unset: {a: ''}}", "{_id: 1, b: 2}");

    [Fact]
    public void Unset_of_a_missing_field_is_a_no_op() =>
        IsNoOp("{_id: 1, a: 1}", "{$unset: {b: 1, 'a.c': 1, 'x.y': 1}}");

    [Fact]
    public void Unset_a_nested_field() =>
        Yields("{_id: 1, a: {b: 1, c: 2}}", "{$unset: {'a.b': 1}}", "{_id: 1, a: {c: 2}}");

    [Fact]
    public void Unset_an_array_element_sets_it_to_null() =>
        Yields("{_id: 1, a: [1, 2, 3]}", "{$unset: {'a.1': 1}}", "{_id: 1, a: [1, null, 3]}");

    [Fact]
    public void Unset_of_the_id_fails()
    {
        var error = Fails("{_id: 1, a: 1}", "{$unset: {_id: 1}}");
        HasError(error, 66, "Performing an update on the path '_id' would modify the immutable field '_id'");
    }

    [Fact]
    public void Set_of_the_id_to_another_value_fails()
    {
        var error = Fails("{_id: 1, a: 1}", "{$set: {_id: 2}}");
        HasError(error, 66, "Performing an update on the path '_id' would modify the immutable field '_id'");
    }

    [Fact]
    public void Set_of_a_field_inside_the_id_fails()
    {
        var error = Fails("{_id: {x: 1}, a: 1}", "{$set: {'_id.y': 2}}");
        HasError(error, 66, "Performing an update on the path '_id.y' would modify the immutable field '_id'");
    }

    [Fact]
    public void Set_of_the_id_to_its_current_value_is_allowed() =>
        IsNoOp("{_id: 1, a: 1}", "{$set: {_id: 1}}");

    [Fact]
    public void Apply_does_not_modify_the_input_document()
    {
        var input = MongoDB.Bson.BsonDocument.Parse("{_id: 1, a: {b: [1]}}");
        var spec = NextLevel.EmbeddedMongo.Update.UpdateSpec.Parse(MongoDB.Bson.BsonDocument.Parse("{$push: {'a.b': 2}, $set: {c: 1}}"));
        var outcome = spec.Apply(input, Context());
        Same("{_id: 1, a: {b: [1]}}", input);
        Same("{_id: 1, a: {b: [1, 2]}, c: 1}", outcome.Document);
    }

    [Fact]
    public void SetOnInsert_is_ignored_when_updating_an_existing_document() =>
        IsNoOp("{_id: 1, a: 1}", "{$setOnInsert: {b: 1}}");
}
