using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update;
using static NextLevel.EmbeddedMongo.Tests.Update.UpdateAssert;

namespace NextLevel.EmbeddedMongo.Tests.Update;

public class ParseErrorTests
{
    [Fact]
    public void Unknown_operator_fails_to_parse()
    {
        var error = FailsToParse("{$foo: {a: 1}}");
        Assert.Equal(9, error.Code);
        Assert.StartsWith("Unknown modifier: $foo", error.Message);
    }

    [Fact]
    public void Plain_field_after_an_operator_fails_to_parse()
    {
        var error = FailsToParse("{$set: {a: 1}, b: 2}");
        Assert.Equal(9, error.Code);
        Assert.StartsWith("Unknown modifier: b", error.Message);
    }

    [Fact]
    public void Operator_argument_must_be_a_document()
    {
        var error = FailsToParse("{$set: 1}");
        Assert.Equal(9, error.Code);
        Assert.StartsWith("Modifiers operate on fields but we found type int instead.", error.Message);
    }

    [Fact]
    public void Empty_document_is_a_valid_replacement() =>
        Assert.True(UpdateSpec.Parse(new BsonDocument()).IsReplacement);

    [Fact]
    public void Empty_document_where_operators_are_required_fails()
    {
        var error = Assert.Throws<MongoError>(() => UpdateSpec.ParseOperators(new BsonDocument()));
        HasError(error, 9, "Update document requires atomic operators");
    }

    [Fact]
    public void Replacement_where_operators_are_required_fails()
    {
        var error = Assert.Throws<MongoError>(() => UpdateSpec.ParseOperators(BsonDocument.Parse("{a: 1}")));
        HasError(error, 9, "Update document requires atomic operators");
    }

    [Fact]
    public void Operator_document_is_not_a_replacement() =>
        Assert.False(UpdateSpec.ParseOperators(BsonDocument.Parse("{$set: {a: 1}}")).IsReplacement);

    [Fact]
    public void Update_must_be_a_document_or_an_array() =>
        Assert.Equal(9, Assert.Throws<MongoError>(() => UpdateSpec.Parse(new BsonInt32(1))).Code);

    [Fact]
    public void Same_path_twice_conflicts()
    {
        var error = FailsToParse("{$set: {a: 1}, $inc: {a: 1}}");
        HasError(error, 40, "Updating the path 'a' would create a conflict at 'a'");
    }

    [Fact]
    public void Child_of_an_updated_path_conflicts()
    {
        var error = FailsToParse("{$set: {a: 1}, $unset: {'a.b': 1}}");
        HasError(error, 40, "Updating the path 'a.b' would create a conflict at 'a'");
    }

    [Fact]
    public void Parent_of_an_updated_path_conflicts()
    {
        var error = FailsToParse("{$set: {'a.b.c': 1, 'a.b': 2}}");
        HasError(error, 40, "Updating the path 'a.b' would create a conflict at 'a.b'");
    }

    [Fact]
    public void Sibling_paths_do_not_conflict() =>
        Yields("{_id: 1, a: {}}", "{$set: {'a.b': 1}, $inc: {'a.c': 1}}", "{_id: 1, a: {b: 1, c: 1}}");

    [Fact]
    public void Empty_field_name_in_a_path_fails()
    {
        var error = FailsToParse("{$set: {'a..b': 1}}");
        HasError(error, 56, "The update path 'a..b' contains an empty field name, which is not allowed.");
    }

    [Fact]
    public void Empty_path_fails()
    {
        var error = FailsToParse("{$set: {'': 1}}");
        HasError(error, 56, "An empty update path is not valid.");
    }

    [Fact]
    public void Array_filters_are_rejected_for_replacements() =>
        Assert.Equal(9, FailsToParse("{a: 1}", "[{x: 1}]").Code);
}
