using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Query;
using static NextLevel.EmbeddedMongo.Tests.Query.QueryTestHelpers;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class FilterEvaluationTests
{
    [Fact]
    public void Mod_matches_remainder()
    {
        Assert.True(Matches("{ a: { $mod: [4, 1] } }", "{ a: 9 }"));
        Assert.False(Matches("{ a: { $mod: [4, 1] } }", "{ a: 10 }"));
        Assert.True(Matches("{ a: { $mod: [4, 1] } }", "{ a: 9.9 }"));
        Assert.True(Matches("{ a: { $mod: [4, -1] } }", "{ a: -9 }"));
        Assert.False(Matches("{ a: { $mod: [4, 1] } }", "{ a: '9' }"));
    }

    [Fact]
    public void Mod_validates_its_argument()
    {
        Assert.Equal(2, ParseError("{ a: { $mod: 4 } }").Code);
        Assert.Equal(2, ParseError("{ a: { $mod: [4] } }").Code);
        Assert.Equal(2, ParseError("{ a: { $mod: [4, 1, 2] } }").Code);
        Assert.Equal(2, ParseError("{ a: { $mod: [0, 1] } }").Code);
        Assert.Equal(2, ParseError("{ a: { $mod: ['x', 1] } }").Code);
    }

    [Fact]
    public void Bits_operators_test_integer_bits()
    {
        Assert.True(Matches("{ a: { $bitsAllSet: [0, 2] } }", "{ a: 5 }"));
        Assert.False(Matches("{ a: { $bitsAllSet: 6 } }", "{ a: 5 }"));
        Assert.True(Matches("{ a: { $bitsAnySet: 6 } }", "{ a: 5 }"));
        Assert.True(Matches("{ a: { $bitsAllClear: [1] } }", "{ a: 5 }"));
        Assert.True(Matches("{ a: { $bitsAnyClear: [0, 1] } }", "{ a: 5 }"));
        Assert.False(Matches("{ a: { $bitsAllSet: [0] } }", "{ a: 1.5 }"));
    }

    [Fact]
    public void Where_is_rejected() => Assert.Equal(2, ParseError("{ $where: 'this.a == 1' }").Code);

    private static readonly FilterOptions TextIndex = new()
    {
        TextIndexFields = new Dictionary<string, int> { ["title"] = 10, ["description"] = 1 },
    };

    [Fact]
    public void Text_matches_any_word_case_insensitively()
    {
        Assert.True(Matches("{ $text: { $search: 'garden pool' } }", "{ title: 'House with a Garden' }", TextIndex));
        Assert.False(Matches("{ $text: { $search: 'garden pool' } }", "{ title: 'Flat downtown' }", TextIndex));
    }

    [Fact]
    public void Text_only_searches_indexed_fields() =>
        Assert.False(Matches("{ $text: { $search: 'garden' } }", "{ notes: 'garden' }", TextIndex));

    [Fact]
    public void Text_searches_string_arrays() =>
        Assert.True(Matches("{ $text: { $search: 'garden' } }", "{ description: ['big garden', 'pool'] }", TextIndex));

    [Fact]
    public void Text_phrase_must_be_present()
    {
        Assert.True(Matches("{ $text: { $search: '\"sea view\"' } }", "{ description: 'Lovely sea view from the terrace' }", TextIndex));
        Assert.False(Matches("{ $text: { $search: '\"sea view\"' } }", "{ description: 'view of the sea' }", TextIndex));
    }

    [Fact]
    public void Text_negated_word_excludes()
    {
        Assert.False(Matches("{ $text: { $search: 'garden -pool' } }", "{ title: 'garden and pool' }", TextIndex));
        Assert.True(Matches("{ $text: { $search: 'garden -pool' } }", "{ title: 'garden' }", TextIndex));
    }

    [Fact]
    public void Text_case_sensitive_option()
    {
        Assert.False(Matches("{ $text: { $search: 'Garden', $caseSensitive: true } }", "{ title: 'garden' }", TextIndex));
        Assert.True(Matches("{ $text: { $search: 'Garden', $caseSensitive: true } }", "{ title: 'Garden' }", TextIndex));
    }

    [Fact]
    public void Text_ignores_stop_words_and_plural_forms()
    {
        Assert.False(Matches("{ $text: { $search: 'the' } }", "{ title: 'the house' }", TextIndex));
        Assert.True(Matches("{ $text: { $search: 'houses' } }", "{ title: 'a house' }", TextIndex));
    }

    [Fact]
    public void Text_folds_diacritics_by_default() =>
        Assert.True(Matches("{ $text: { $search: 'cafe' } }", "{ title: 'Café du port' }", TextIndex));

    [Fact]
    public void Text_records_a_higher_score_for_heavier_fields()
    {
        var filter = Filter.Parse(BsonDocument.Parse("{ $text: { $search: 'garden' }, $comment: 'x' }"), TextIndex);
        var inTitle = new MatchDetails();
        var inDescription = new MatchDetails();
        Assert.True(filter.Matches(BsonDocument.Parse("{ title: 'garden' }"), inTitle));
        Assert.True(filter.Matches(BsonDocument.Parse("{ description: 'garden' }"), inDescription));
        Assert.True(inTitle.TextScore > inDescription.TextScore);
    }

    [Fact]
    public void Text_accepts_language()
    {
        Assert.True(Matches("{ $text: { $search: 'garden', $language: 'english' } }", "{ title: 'garden' }", TextIndex));
    }

    [Fact]
    public void Text_without_a_text_index_is_rejected() => Assert.Equal(27, ParseError("{ $text: { $search: 'x' } }").Code);

    [Fact]
    public void Text_with_a_wildcard_index_searches_every_string()
    {
        var wildcard = new FilterOptions { TextIndexFields = new Dictionary<string, int> { ["$**"] = 1 } };
        Assert.True(Matches("{ $text: { $search: 'garden' } }", "{ a: { b: ['x', 'garden'] } }", wildcard));
    }

    [Fact]
    public void Text_inside_nor_is_rejected() => Assert.Equal(2, ParseError("{ $nor: [ { $text: { $search: 'x' } } ] }", TextIndex).Code);

    [Fact]
    public void Two_text_clauses_are_rejected() =>
        Assert.Equal(2, ParseError("{ $and: [ { $text: { $search: 'x' } }, { $text: { $search: 'y' } } ] }", TextIndex).Code);
}

public class FilterSampleRateTests
{
    [Fact]
    public void Sample_rate_bounds_select_all_or_nothing()
    {
        Assert.True(QueryTestHelpers.Matches("{ $sampleRate: 1 }", "{ a: 1 }"));
        Assert.False(QueryTestHelpers.Matches("{ $sampleRate: 0 }", "{ a: 1 }"));
    }

    [Fact]
    public void Sample_rate_outside_zero_to_one_is_rejected() => Assert.Equal(2, QueryTestHelpers.ParseError("{ $sampleRate: 2 }").Code);
}
