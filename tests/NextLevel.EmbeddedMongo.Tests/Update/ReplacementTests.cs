using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class ReplacementTests
{
    [Fact]
    public void Replacement_keeps_the_original_id_first() =>
        Yields("{_id: 1, a: 1, b: 2}", "{c: 3}", "{_id: 1, c: 3}");

    [Fact]
    public void Replacement_with_the_same_id_keeps_its_field_order() =>
        Yields("{_id: 1, a: 1}", "{b: 2, _id: 1}", "{b: 2, _id: 1}");

    [Fact]
    public void Empty_replacement_leaves_only_the_id() => Yields("{_id: 1, a: 1}", "{}", "{_id: 1}");

    [Fact]
    public void Identical_replacement_is_a_no_op() => IsNoOp("{_id: 1, a: 1}", "{a: 1}");

    [Fact]
    public void Replacement_cannot_change_the_id()
    {
        var error = Fails("{_id: 1, a: 1}", "{_id: 2, a: 1}");
        HasError(error, 66, "After applying the update, the (immutable) field '_id' was found to have been altered to _id: 2");
    }

    [Fact]
    public void Replacement_with_a_dollar_prefixed_top_level_field_fails()
    {
        var error = FailsToParse("{a: 1, $set: {b: 1}}");
        Assert.Equal(52, error.Code);
        Assert.StartsWith("The dollar ($) prefixed field '$set' in '$set'", error.Message);
    }

    [Fact]
    public void Replacement_allows_dollar_prefixed_nested_fields() =>
        Yields("{_id: 1}", "{a: {$b: 1}}", "{_id: 1, a: {$b: 1}}");

    [Fact]
    public void Replacement_id_cannot_be_an_array()
    {
        var error = FailsToParse("{_id: [1]}");
        HasError(error, 53, "The '_id' value cannot be of type array");
    }
}
