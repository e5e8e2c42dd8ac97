using static NextLevel.EmbeddedMongo.Tests.Query.QueryTestHelpers;

namespace NextLevel.EmbeddedMongo.Tests.Query;

public class JsonSchemaTests
{
    private const string LeadSchema = """
        { $jsonSchema: {
            bsonType: 'object',
            required: ['name', 'status'],
            additionalProperties: false,
            properties: {
                _id: { bsonType: 'objectId' },
                name: { bsonType: 'string', minLength: 2, maxLength: 10, description: 'full name' },
                status: { enum: ['new', 'qualified', 'lost'] },
                budget: { bsonType: ['int', 'long', 'double', 'decimal'], minimum: 0, maximum: 1000000, exclusiveMaximum: true },
                email: { bsonType: 'string', pattern: '^[^@]+@[^@]+$' },
                tags: { bsonType: 'array', items: { bsonType: 'string' }, minItems: 1, maxItems: 3, uniqueItems: true },
                score: { bsonType: 'number' },
                address: { bsonType: 'object', required: ['city'], properties: { city: { bsonType: 'string' } } },
                notes: { bsonType: ['string', 'null'] },
                createdAt: { bsonType: 'date' },
                active: { bsonType: 'bool' }
            }
        } }
        """;

    [Fact]
    public void Valid_document_passes() =>
        Assert.True(Matches(LeadSchema, "{ _id: ObjectId('507f1f77bcf86cd799439011'), name: 'Ann', status: 'new', budget: 2000, email: 'a@b.c', tags: ['x'], score: 1.5, address: { city: 'Lyon' }, notes: null, createdAt: ISODate('2024-01-01T00:00:00Z'), active: true }"));

    [Theory]
    [InlineData("{ name: 'Ann' }")]
    [InlineData("{ name: 'Ann', status: 'unknown' }")]
    [InlineData("{ name: 'A', status: 'new' }")]
    [InlineData("{ name: 'Annabelle Lee', status: 'new' }")]
    [InlineData("{ name: 5, status: 'new' }")]
    [InlineData("{ name: 'Ann', status: 'new', budget: -1 }")]
    [InlineData("{ name: 'Ann', status: 'new', budget: 1000000 }")]
    [InlineData("{ name: 'Ann', status: 'new', budget: '10' }")]
    [InlineData("{ name: 'Ann', status: 'new', email: 'nope' }")]
    [InlineData("{ name: 'Ann', status: 'new', tags: [] }")]
    [InlineData("{ name: 'Ann', status: 'new', tags: ['a', 'b', 'c', 'd'] }")]
    [InlineData("{ name: 'Ann', status: 'new', tags: ['a', 'a'] }")]
    [InlineData("{ name: 'Ann', status: 'new', tags: [1] }")]
    [InlineData("{ name: 'Ann', status: 'new', address: { zip: '1' } }")]
    [InlineData("{ name: 'Ann', status: 'new', extra: 1 }")]
    [InlineData("{ name: 'Ann', status: 'new', active: 1 }")]
    [InlineData("{ name: 'Ann', status: 'new', score: '1' }")]
    public void Invalid_documents_fail(string document) => Assert.False(Matches(LeadSchema, document));

    [Fact]
    public void Json_type_keyword_is_supported()
    {
        Assert.True(Matches("{ $jsonSchema: { properties: { a: { type: 'number' } } } }", "{ a: NumberLong(1) }"));
        Assert.False(Matches("{ $jsonSchema: { properties: { a: { type: 'string' } } } }", "{ a: 1 }"));
    }

    [Fact]
    public void Exclusive_minimum_is_strict()
    {
        Assert.False(Matches("{ $jsonSchema: { properties: { a: { minimum: 5, exclusiveMinimum: true } } } }", "{ a: 5 }"));
        Assert.True(Matches("{ $jsonSchema: { properties: { a: { minimum: 5 } } } }", "{ a: 5 }"));
    }

    [Fact]
    public void Combinators_anyOf_allOf_oneOf_not()
    {
        Assert.True(Matches("{ $jsonSchema: { properties: { a: { anyOf: [ { bsonType: 'string' }, { bsonType: 'int' } ] } } } }", "{ a: 1 }"));
        Assert.False(Matches("{ $jsonSchema: { properties: { a: { not: { bsonType: 'int' } } } } }", "{ a: 1 }"));
        Assert.True(Matches("{ $jsonSchema: { properties: { a: { oneOf: [ { minimum: 0 }, { minimum: 5 } ] } } } }", "{ a: 3 }"));
        Assert.False(Matches("{ $jsonSchema: { properties: { a: { allOf: [ { minimum: 0 }, { minimum: 5 } ] } } } }", "{ a: 3 }"));
    }

    [Fact]
    public void JsonSchema_combines_with_other_query_operators() =>
        Assert.True(Matches("{ $jsonSchema: { required: ['a'] }, a: { $gt: 1 } }", "{ a: 2 }"));

    [Fact]
    public void Unknown_keywords_fail_to_parse() => Assert.Equal(9, ParseError("{ $jsonSchema: { foo: 1 } }").Code);

    [Fact]
    public void Unsupported_keywords_fail_to_parse() => Assert.Equal(9, ParseError("{ $jsonSchema: { $ref: '#/x' } }").Code);

    [Fact]
    public void Unknown_bson_type_is_rejected() => Assert.Equal(2, ParseError("{ $jsonSchema: { bsonType: 'nope' } }").Code);
}

public class JsonSchemaObjectKeywordTests
{
    [Fact]
    public void Additional_properties_schema_applies_to_undeclared_fields()
    {
        const string filter = "{ $jsonSchema: { properties: { a: { bsonType: 'int' } }, additionalProperties: { bsonType: 'string' } } }";
        Assert.True(QueryTestHelpers.Matches(filter, "{ a: 1, b: 'x' }"));
        Assert.False(QueryTestHelpers.Matches(filter, "{ a: 1, b: 2 }"));
    }

    [Fact]
    public void Pattern_properties_validate_matching_names_and_count_as_declared()
    {
        const string filter = "{ $jsonSchema: { patternProperties: { '^n_': { bsonType: 'number' } }, additionalProperties: false } }";
        Assert.True(QueryTestHelpers.Matches(filter, "{ n_a: 1, n_b: 2.5 }"));
        Assert.False(QueryTestHelpers.Matches(filter, "{ n_a: 'x' }"));
        Assert.False(QueryTestHelpers.Matches(filter, "{ other: 1 }"));
    }

    [Fact]
    public void Min_and_max_properties()
    {
        Assert.False(QueryTestHelpers.Matches("{ $jsonSchema: { minProperties: 2 } }", "{ a: 1 }"));
        Assert.False(QueryTestHelpers.Matches("{ $jsonSchema: { maxProperties: 1 } }", "{ a: 1, b: 2 }"));
    }

    [Fact]
    public void Dependencies_require_companion_fields()
    {
        const string filter = "{ $jsonSchema: { dependencies: { card: ['billing'] } } }";
        Assert.True(QueryTestHelpers.Matches(filter, "{ card: 1, billing: 'x' }"));
        Assert.False(QueryTestHelpers.Matches(filter, "{ card: 1 }"));
        Assert.True(QueryTestHelpers.Matches(filter, "{ other: 1 }"));
    }

    [Fact]
    public void Tuple_items_with_additional_items_false()
    {
        const string filter = "{ $jsonSchema: { properties: { p: { items: [ { bsonType: 'string' }, { bsonType: 'int' } ], additionalItems: false } } } }";
        Assert.True(QueryTestHelpers.Matches(filter, "{ p: ['a', 1] }"));
        Assert.False(QueryTestHelpers.Matches(filter, "{ p: [1, 'a'] }"));
        Assert.False(QueryTestHelpers.Matches(filter, "{ p: ['a', 1, 2] }"));
    }

    [Fact]
    public void Required_with_duplicates_fails_to_parse() =>
        Assert.Equal(9, QueryTestHelpers.ParseError("{ $jsonSchema: { required: ['a', 'a'] } }").Code);

    [Fact]
    public void Type_and_bsonType_together_fail_to_parse() =>
        Assert.Equal(9, QueryTestHelpers.ParseError("{ $jsonSchema: { type: 'object', bsonType: 'object' } }").Code);

    [Fact]
    public void Min_length_counts_code_points() =>
        Assert.True(QueryTestHelpers.Matches("{ $jsonSchema: { properties: { s: { maxLength: 2 } } } }", "{ s: 'é😀' }"));
}
