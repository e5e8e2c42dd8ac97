using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Conformance.Execution;
using NextLevel.EmbeddedMongo.Conformance.Matching;

namespace NextLevel.EmbeddedMongo.Tests.Conformance;

public class ValueMatcherTests
{
    private sealed class Entities : IMatchEntities
    {
        public Dictionary<string, BsonValue> Values { get; } = [];

        public BsonValue GetBsonValue(string name) => Values[name];

        public BsonDocument GetSessionLsid(string name) => new("id", name);
    }

    private readonly Entities _entities = new();

    private string? Match(string expected, string actual, MatchRootness rootness = MatchRootness.Document)
        => new ValueMatcher(_entities).Match(Value(expected), Value(actual), rootness);

    private static BsonValue Value(string json) => BsonDocument.Parse("{ \"v\": " + json + " }")["v"];

    [Fact]
    public void Root_document_may_have_extra_fields()
        => Assert.Null(Match("{ x: 1 }", "{ x: 1, y: 1 }"));

    [Fact]
    public void Root_document_must_have_every_expected_field()
        => Assert.NotNull(Match("{ x: 1, y: 1 }", "{ x: 1 }"));

    [Fact]
    public void Nested_document_must_not_have_extra_fields()
        => Assert.Contains("extra field", Match("{ x: { y: 1 } }", "{ x: { y: 1, z: 1 } }"));

    [Fact]
    public void Plain_values_match_documents_exactly_even_at_the_top()
        => Assert.NotNull(Match("{ x: 1 }", "{ x: 1, y: 1 }", MatchRootness.None));

    [Fact]
    public void Iterable_results_treat_each_element_as_a_root_document()
    {
        Assert.Null(Match("[{ x: 1 }, { x: 2 }]", "[{ x: 1, y: 1 }, { x: 2, y: 2 }]", MatchRootness.ArrayElements));
        Assert.NotNull(Match("[{ x: 1 }, { x: 2 }]", "[{ x: 1, y: 1 }, { x: 2, y: 2 }]", MatchRootness.None));
    }

    [Fact]
    public void Key_order_does_not_matter()
        => Assert.Null(Match("{ x: 1, y: 1 }", "{ y: 1, x: 1 }", MatchRootness.None));

    [Fact]
    public void Arrays_must_have_the_same_length()
        => Assert.Contains("expected 3 elements", Match("[1, 2, 3]", "[1, 2, 3, 4]", MatchRootness.None));

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1", "NumberLong(1)")]
    [InlineData("NumberLong(5)", "5")]
    public void Int_long_and_double_compare_by_value(string expected, string actual)
        => Assert.Null(Match(expected, actual, MatchRootness.None));

    [Fact]
    public void Different_numbers_do_not_match()
        => Assert.NotNull(Match("1", "1.5", MatchRootness.None));

    [Fact]
    public void Decimal128_is_not_a_flexible_number()
        => Assert.NotNull(Match("NumberDecimal('1')", "1", MatchRootness.None));

    [Fact]
    public void Different_types_do_not_match()
        => Assert.NotNull(Match("'1'", "1", MatchRootness.None));

    [Fact]
    public void Exists_checks_presence_and_absence()
    {
        Assert.Null(Match("{ a: { $$exists: true } }", "{ a: null }"));
        Assert.NotNull(Match("{ a: { $$exists: true } }", "{ b: 1 }"));
        Assert.Null(Match("{ a: { $$exists: false } }", "{ b: 1 }"));
        Assert.NotNull(Match("{ a: { $$exists: false } }", "{ a: 1 }"));
    }

    [Fact]
    public void Type_accepts_one_alias_or_a_list()
    {
        Assert.Null(Match("{ a: { $$type: 'int' } }", "{ a: 1 }"));
        Assert.Null(Match("{ a: { $$type: ['int', 'long'] } }", "{ a: NumberLong(1) }"));
        Assert.NotNull(Match("{ a: { $$type: 'string' } }", "{ a: 1 }"));
        Assert.NotNull(Match("{ a: { $$type: 'int' } }", "{ }"));
        Assert.Null(Match("{ $$type: 'objectId' }", "ObjectId('5f0000000000000000000000')"));
    }

    [Fact]
    public void Type_does_not_look_into_arrays()
        => Assert.NotNull(Match("{ a: { $$type: 'int' } }", "{ a: [1] }"));

    [Fact]
    public void UnsetOrMatches_accepts_an_absent_field_or_a_match()
    {
        Assert.Null(Match("{ insertedId: { $$unsetOrMatches: 2 } }", "{ }"));
        Assert.Null(Match("{ insertedId: { $$unsetOrMatches: 2 } }", "{ insertedId: 2 }"));
        Assert.NotNull(Match("{ insertedId: { $$unsetOrMatches: 2 } }", "{ insertedId: 3 }"));
    }

    [Fact]
    public void UnsetOrMatches_at_the_top_accepts_no_result()
    {
        var matcher = new ValueMatcher(_entities);
        Assert.Null(matcher.Match(Value("{ $$unsetOrMatches: { acknowledged: { $$unsetOrMatches: false } } }"), null, MatchRootness.Document));
        Assert.Null(matcher.Match(Value("{ $$unsetOrMatches: { acknowledged: { $$unsetOrMatches: false } } }"), Value("{ acknowledged: false }"), MatchRootness.Document));
    }

    [Fact]
    public void UnsetOrMatches_keeps_root_level_extra_fields_allowed()
        => Assert.Null(Match("{ $$unsetOrMatches: { deletedCount: 0 } }", "{ deletedCount: 0, insertedCount: 2 }"));

    [Fact]
    public void MatchesEntity_compares_with_a_saved_value()
    {
        _entities.Values["id0"] = new BsonInt32(7);
        Assert.Null(Match("{ _id: { $$matchesEntity: 'id0' } }", "{ _id: 7 }"));
        Assert.NotNull(Match("{ _id: { $$matchesEntity: 'id0' } }", "{ _id: 8 }"));
    }

    [Fact]
    public void SessionLsid_compares_with_the_session_id()
        => Assert.Null(Match("{ lsid: { $$sessionLsid: 'session0' } }", "{ lsid: { id: 'session0' } }"));

    [Fact]
    public void Lte_compares_numbers_flexibly()
    {
        Assert.Null(Match("{ n: { $$lte: 5 } }", "{ n: 5.0 }"));
        Assert.Null(Match("{ n: { $$lte: 5 } }", "{ n: NumberLong(0) }"));
        Assert.NotNull(Match("{ n: { $$lte: 1 } }", "{ n: 1.1 }"));
    }

    [Fact]
    public void MatchAsDocument_parses_extended_json_and_matches_exactly()
    {
        Assert.Null(Match("{ c: { $$matchAsDocument: { a: 1 } } }", "{ c: '{\"a\": 1}' }"));
        Assert.NotNull(Match("{ c: { $$matchAsDocument: { a: 1 } } }", "{ c: '{\"a\": 1, \"b\": 2}' }"));
        Assert.Null(Match("{ c: { $$matchAsDocument: { $$matchAsRoot: { a: 1 } } } }", "{ c: '{\"a\": 1, \"b\": 2}' }"));
    }

    [Fact]
    public void MatchAsRoot_allows_extra_fields_in_a_nested_document()
        => Assert.Null(Match("{ x: { $$matchAsRoot: { y: 1 } } }", "{ x: { y: 1, z: 1 } }", MatchRootness.None));

    [Fact]
    public void Null_expected_result_matches_only_null()
    {
        Assert.Null(Match("null", "null"));
        Assert.NotNull(Match("null", "{ x: 1 }"));
    }

    [Fact]
    public void Unknown_special_operator_is_a_runner_gap()
        => Assert.Throws<UnsupportedByRunnerException>(() => Match("{ a: { $$somethingNew: 1 } }", "{ a: 1 }"));

    [Fact]
    public void Mismatch_message_names_the_path()
        => Assert.Contains("$.a.b", Match("{ a: { b: 1 } }", "{ a: { b: 2 } }"));
}
