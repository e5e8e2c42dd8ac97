using static NextLevel.EmbeddedMongo.Tests.Query.QueryTestHelpers;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class FilterElementTests
{
    [Fact]
    public void Exists_true_matches_present_fields_including_null()
    {
        Assert.True(Matches("{ a: { $exists: true } }", "{ a: null }"));
        Assert.False(Matches("{ a: { $exists: true } }", "{ b: 1 }"));
    }

    [Fact]
    public void Exists_false_matches_missing_fields()
    {
        Assert.True(Matches("{ a: { $exists: false } }", "{ b: 1 }"));
        Assert.False(Matches("{ a: { $exists: false } }", "{ a: null }"));
        Assert.True(Matches("{ a: { $exists: 0 } }", "{ b: 1 }"));
    }

    [Fact]
    public void Exists_on_dotted_paths_through_arrays()
    {
        Assert.True(Matches("{ 'a.b': { $exists: true } }", "{ a: [ { c: 1 }, { b: 2 } ] }"));
        Assert.False(Matches("{ 'a.b': { $exists: true } }", "{ a: [ { c: 1 } ] }"));
        Assert.True(Matches("{ a: { $exists: true } }", "{ a: [] }"));
    }

    [Fact]
    public void Type_by_alias_and_code()
    {
        Assert.True(Matches("{ a: { $type: 'string' } }", "{ a: 'x' }"));
        Assert.True(Matches("{ a: { $type: 2 } }", "{ a: 'x' }"));
        Assert.True(Matches("{ a: { $type: 'int' } }", "{ a: 1 }"));
        Assert.False(Matches("{ a: { $type: 'long' } }", "{ a: 1 }"));
        Assert.True(Matches("{ a: { $type: 'date' } }", "{ a: ISODate('2024-01-01T00:00:00Z') }"));
        Assert.True(Matches("{ a: { $type: 'objectId' } }", "{ a: ObjectId('507f1f77bcf86cd799439011') }"));
    }

    [Fact]
    public void Type_number_matches_every_numeric_type()
    {
        Assert.True(Matches("{ a: { $type: 'number' } }", "{ a: 1 }"));
        Assert.True(Matches("{ a: { $type: 'number' } }", "{ a: NumberLong(1) }"));
        Assert.True(Matches("{ a: { $type: 'number' } }", "{ a: 1.5 }"));
        Assert.True(Matches("{ a: { $type: 'number' } }", "{ a: NumberDecimal('1.5') }"));
        Assert.False(Matches("{ a: { $type: 'number' } }", "{ a: '1' }"));
    }

    [Fact]
    public void Type_with_a_list_matches_any_listed_type()
    {
        Assert.True(Matches("{ a: { $type: ['string', 'null'] } }", "{ a: null }"));
        Assert.False(Matches("{ a: { $type: ['string', 'null'] } }", "{ b: 1 }"));
    }

    [Fact]
    public void Type_array_matches_arrays_and_type_checks_array_elements()
    {
        Assert.True(Matches("{ a: { $type: 'array' } }", "{ a: [] }"));
        Assert.True(Matches("{ a: { $type: 'string' } }", "{ a: [1, 'x'] }"));
        Assert.False(Matches("{ a: { $type: 'array' } }", "{ a: 'x' }"));
    }

    [Fact]
    public void Type_null_does_not_match_missing() => Assert.False(Matches("{ a: { $type: 'null' } }", "{ b: 1 }"));
}
