using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query.Parsing;

namespace NextLevel.EmbeddedMongo.Query.JsonSchema;

/// <summary>
/// Compiles the <c>$jsonSchema</c> subset MongoDB supports (draft 4 plus bsonType) into <see cref="SchemaNode"/>s.
/// Unsupported keywords are rejected as MongoDB rejects them (FailedToParse). Keyword families live in
/// JsonSchemaCompiler.Objects.cs, .Arrays.cs and .Scalars.cs.
/// </summary>
internal static partial class JsonSchemaCompiler
{
    private static readonly HashSet<string> UnsupportedKeywords = new(StringComparer.Ordinal)
    {
        "$ref", "$schema", "default", "definitions", "format", "id",
    };

    public static SchemaNode Compile(BsonDocument schema)
    {
        var checks = new List<SchemaCheck>();
        if (schema.Contains("type") && schema.Contains("bsonType"))
        {
            throw MongoError.FailedToParse("Cannot specify both $jsonSchema keywords 'type' and 'bsonType'");
        }

        foreach (var element in schema)
        {
            var value = element.Value;
            switch (element.Name)
            {
                case "bsonType":
                    checks.Add(TypeCheck(BsonTypesOf(value, "bsonType", ParseBsonTypeName)));
                    break;
                case "type":
                    checks.Add(TypeCheck(BsonTypesOf(value, "type", ParseJsonTypeName)));
                    break;
                case "required":
                    checks.Add(RequiredCheck(value));
                    break;
                case "properties":
                    checks.Add(PropertiesCheck(value));
                    break;
                case "additionalProperties":
                    checks.Add(AdditionalPropertiesCheck(schema, value));
                    break;
                case "patternProperties":
                    checks.Add(PatternPropertiesCheck(value));
                    break;
                case "minProperties":
                    var minProperties = NonNegativeInteger(element);
                    checks.Add(v => v is not BsonDocument d || d.ElementCount >= minProperties);
                    break;
                case "maxProperties":
                    var maxProperties = NonNegativeInteger(element);
                    checks.Add(v => v is not BsonDocument d || d.ElementCount <= maxProperties);
                    break;
                case "enum":
                    checks.Add(EnumCheck(value));
                    break;
                case "minimum":
                    checks.Add(BoundCheck(element, isMinimum: true, Flag(schema, "exclusiveMinimum")));
                    break;
                case "maximum":
                    checks.Add(BoundCheck(element, isMinimum: false, Flag(schema, "exclusiveMaximum")));
                    break;
                case "exclusiveMinimum":
                    RequireCompanion(schema, element, "minimum");
                    break;
                case "exclusiveMaximum":
                    RequireCompanion(schema, element, "maximum");
                    break;
                case "minLength":
                    var minLength = NonNegativeInteger(element);
                    checks.Add(v => v is not BsonString s || CodePoints(s.Value) >= minLength);
                    break;
                case "maxLength":
                    var maxLength = NonNegativeInteger(element);
                    checks.Add(v => v is not BsonString s || CodePoints(s.Value) <= maxLength);
                    break;
                case "pattern":
                    if (!value.IsString) throw MongoError.TypeMismatch("$jsonSchema keyword 'pattern' must be a string");
                    var pattern = RegexFactory.GetRegex(value.AsString, "");
                    checks.Add(v => v is not BsonString s || pattern.IsMatch(s.Value));
                    break;
                case "items":
                    checks.Add(ItemsCheck(schema, value));
                    break;
                case "additionalItems":
                    if (!schema.Contains("items") || !schema["items"].IsBsonArray) break;
                    if (value is not (BsonBoolean or BsonDocument)) throw MongoError.TypeMismatch("$jsonSchema keyword 'additionalItems' must be either an object or a boolean");
                    break;
                case "minItems":
                    var minItems = NonNegativeInteger(element);
                    checks.Add(v => v is not BsonArray a || a.Count >= minItems);
                    break;
                case "maxItems":
                    var maxItems = NonNegativeInteger(element);
                    checks.Add(v => v is not BsonArray a || a.Count <= maxItems);
                    break;
                case "uniqueItems":
                    if (!value.IsBoolean) throw MongoError.TypeMismatch("$jsonSchema keyword 'uniqueItems' must be a boolean");
                    if (value.AsBoolean) checks.Add(v => v is not BsonArray a || a.Distinct(BsonValueComparer.Instance).Count() == a.Count);
                    break;
                case "allOf":
                    var allOf = SchemaList(element);
                    checks.Add(v => allOf.All(s => s.IsValid(v)));
                    break;
                case "anyOf":
                    var anyOf = SchemaList(element);
                    checks.Add(v => anyOf.Any(s => s.IsValid(v)));
                    break;
                case "oneOf":
                    var oneOf = SchemaList(element);
                    checks.Add(v => oneOf.Count(s => s.IsValid(v)) == 1);
                    break;
                case "not":
                    if (value is not BsonDocument notSchema) throw MongoError.TypeMismatch("$jsonSchema keyword 'not' must be an object");
                    var negated = Compile(notSchema);
                    checks.Add(v => !negated.IsValid(v));
                    break;
                case "dependencies":
                    checks.Add(DependenciesCheck(value));
                    break;
                case "description":
                case "title":
                    if (!value.IsString) throw MongoError.TypeMismatch($"$jsonSchema keyword '{element.Name}' must be a string");
                    break;
                default:
                    if (UnsupportedKeywords.Contains(element.Name))
                    {
                        throw MongoError.FailedToParse($"$jsonSchema keyword '{element.Name}' is not currently supported");
                    }
                    throw MongoError.FailedToParse($"Unknown $jsonSchema keyword: {element.Name}");
            }
        }
        return new SchemaNode(checks);
    }

    private static List<SchemaNode> SchemaList(BsonElement element)
    {
        if (element.Value is not BsonArray array || array.Count == 0)
        {
            throw MongoError.TypeMismatch($"$jsonSchema keyword '{element.Name}' must be a nonempty array");
        }
        return [.. array.Select(s => s is BsonDocument d
            ? Compile(d)
            : throw MongoError.TypeMismatch($"$jsonSchema keyword '{element.Name}' must be an array of objects"))];
    }

    private static int NonNegativeInteger(BsonElement element)
    {
        var value = element.Value;
        if (!value.IsNumeric || value.ToDouble() != Math.Floor(value.ToDouble()))
        {
            throw MongoError.TypeMismatch($"$jsonSchema keyword '{element.Name}' must be an integer");
        }
        if (value.ToDouble() < 0) throw MongoError.FailedToParse($"$jsonSchema keyword '{element.Name}' must be a non-negative integer");
        return (int)Math.Min(value.ToDouble(), int.MaxValue);
    }
}
