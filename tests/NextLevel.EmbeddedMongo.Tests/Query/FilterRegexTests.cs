using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;
using static NextLevel.EmbeddedMongo.Tests.Query.QueryTestHelpers;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class FilterRegexTests
{
    [Fact]
    public void Regex_literal_matches_strings() => Assert.True(Matches("{ city: /^ly/i }", "{ city: 'Lyon' }"));

    [Fact]
    public void Regex_operator_with_options()
    {
        Assert.True(Matches("{ city: { $regex: '^ly', $options: 'i' } }", "{ city: 'Lyon' }"));
        Assert.False(Matches("{ city: { $regex: '^ly' } }", "{ city: 'Lyon' }"));
    }

    [Fact]
    public void Regex_operator_accepts_a_regex_value()
    {
        // Built in code: the shell-style JSON reader would read { $regex, $options } as a legacy regex literal.
        var filter = new BsonDocument("city", new BsonDocument { { "$regex", new BsonRegularExpression("^ly") }, { "$options", "i" } });
        Assert.True(Filter.Parse(filter).Matches(new BsonDocument("city", "Lyon")));
    }

    [Fact]
    public void Multiline_option_anchors_at_line_starts()
    {
        Assert.True(Matches("{ a: { $regex: '^b', $options: 'm' } }", "{ a: 'a\\nb' }"));
        Assert.False(Matches("{ a: { $regex: '^b' } }", "{ a: 'a\\nb' }"));
    }

    [Fact]
    public void Dotall_option_lets_dot_match_newlines()
    {
        Assert.True(Matches("{ a: { $regex: 'a.b', $options: 's' } }", "{ a: 'a\\nb' }"));
        Assert.False(Matches("{ a: { $regex: 'a.b' } }", "{ a: 'a\\nb' }"));
    }

    [Fact]
    public void Extended_option_ignores_pattern_whitespace() => Assert.True(Matches("{ a: { $regex: 'a b  c', $options: 'x' } }", "{ a: 'abc' }"));

    [Fact]
    public void Regex_matches_array_elements() => Assert.True(Matches("{ tags: /^se/ }", "{ tags: ['quiet', 'sea'] }"));

    [Fact]
    public void Regex_never_matches_numbers() => Assert.False(Matches("{ a: /1/ }", "{ a: 1 }"));

    [Fact]
    public void Regex_matches_equal_regex_values() => Assert.True(Matches("{ a: /x/i }", "{ a: /x/i }"));

    [Fact]
    public void Invalid_regex_options_are_rejected() => Assert.Equal(51108, ParseError("{ a: { $regex: 'x', $options: 'z' } }").Code);

    [Fact]
    public void Options_without_regex_are_rejected() => Assert.Equal(2, ParseError("{ a: { $options: 'i' } }").Code);

    [Fact]
    public void Options_in_both_places_are_rejected()
    {
        var filter = new BsonDocument("a", new BsonDocument { { "$regex", new BsonRegularExpression("x", "i") }, { "$options", "m" } });
        Assert.Equal(2, Assert.Throws<MongoError>(() => Filter.Parse(filter)).Code);
    }

    [Fact]
    public void Regex_must_be_a_string()
    {
        var filter = new BsonDocument("a", new BsonDocument("$regex", 5));
        Assert.Equal(2, Assert.Throws<MongoError>(() => Filter.Parse(filter)).Code);
    }
}
