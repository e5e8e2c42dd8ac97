using System.Text.RegularExpressions;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query.Parsing;

namespace NextLevel.EmbeddedMongo.Query.JsonSchema;

/// <summary>
/// Compiles the <c>$jsonSchema</c> subset MongoDB supports (draft 4 plus bsonType) into <see cref="SchemaNode"/>s.
/// Unsupported keywords are rejected as MongoDB rejects them (FailedToParse).
/// </summary>
internal static class JsonSchemaCompiler
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

    private static SchemaCheck TypeCheck(HashSet<BsonType> types) => v => types.Contains(v.BsonType);

    private static HashSet<BsonType> BsonTypesOf(BsonValue value, string keyword, Action<string, HashSet<BsonType>> addNamed)
    {
        var types = new HashSet<BsonType>();
        if (value is BsonArray array)
        {
            if (array.Count == 0) throw MongoError.FailedToParse($"$jsonSchema keyword '{keyword}' must name at least one type");
            foreach (var item in array)
            {
                if (!item.IsString) throw MongoError.TypeMismatch($"$jsonSchema keyword '{keyword}' array elements must be strings");
                addNamed(item.AsString, types);
            }
        }
        else if (value.IsString)
        {
            addNamed(value.AsString, types);
        }
        else
        {
            throw MongoError.TypeMismatch($"$jsonSchema keyword '{keyword}' must be either a string or an array of strings");
        }
        return types;
    }

    private static void ParseBsonTypeName(string name, HashSet<BsonType> types)
    {
        try
        {
            BsonTypeAliases.AddTypes(name, types);
        }
        catch (MongoError)
        {
            throw MongoError.BadValue($"Unknown type name alias: {name}");
        }
    }

    private static void ParseJsonTypeName(string name, HashSet<BsonType> types)
    {
        switch (name)
        {
            case "object": types.Add(BsonType.Document); break;
            case "array": types.Add(BsonType.Array); break;
            case "number": types.UnionWith(BsonTypeAliases.NumberTypes); break;
            case "boolean": types.Add(BsonType.Boolean); break;
            case "string": types.Add(BsonType.String); break;
            case "null": types.Add(BsonType.Null); break;
            case "integer": throw MongoError.FailedToParse("$jsonSchema type 'integer' is not currently supported.");
            default: throw MongoError.FailedToParse($"Unknown type name alias: {name}");
        }
    }

    private static SchemaCheck RequiredCheck(BsonValue value)
    {
        if (value is not BsonArray array) throw MongoError.TypeMismatch("$jsonSchema keyword 'required' must be an array");
        if (array.Count == 0) throw MongoError.FailedToParse("$jsonSchema keyword 'required' cannot be an empty array");
        var names = new string[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            if (!array[i].IsString) throw MongoError.TypeMismatch("$jsonSchema keyword 'required' must contain only strings");
            names[i] = array[i].AsString;
        }
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw MongoError.FailedToParse("$jsonSchema keyword 'required' array cannot contain duplicate values");
        }
        return v => v is not BsonDocument d || names.All(d.Contains);
    }

    private static SchemaCheck PropertiesCheck(BsonValue value)
    {
        if (value is not BsonDocument properties) throw MongoError.TypeMismatch("$jsonSchema keyword 'properties' must be an object");
        var compiled = new List<(string Name, SchemaNode Schema)>();
        foreach (var property in properties)
        {
            if (property.Value is not BsonDocument propertySchema)
            {
                throw MongoError.TypeMismatch($"Nested schema for $jsonSchema property '{property.Name}' must be an object");
            }
            compiled.Add((property.Name, Compile(propertySchema)));
        }
        return v =>
        {
            if (v is not BsonDocument d) return true;
            foreach (var (name, schema) in compiled)
            {
                if (d.TryGetValue(name, out var propertyValue) && !schema.IsValid(propertyValue)) return false;
            }
            return true;
        };
    }

    private static SchemaCheck PatternPropertiesCheck(BsonValue value)
    {
        if (value is not BsonDocument patterns) throw MongoError.TypeMismatch("$jsonSchema keyword 'patternProperties' must be an object");
        var compiled = patterns
            .Select(p => (Regex: RegexFactory.GetRegex(p.Name, ""), Schema: p.Value is BsonDocument s
                ? Compile(s)
                : throw MongoError.TypeMismatch("patternProperties values must be objects")))
            .ToArray();
        return v => v is not BsonDocument d || d.All(e => compiled.Where(p => p.Regex.IsMatch(e.Name)).All(p => p.Schema.IsValid(e.Value)));
    }

    private static SchemaCheck AdditionalPropertiesCheck(BsonDocument schema, BsonValue value)
    {
        var declared = schema.TryGetValue("properties", out var properties) && properties is BsonDocument propertiesDocument
            ? propertiesDocument.Names.ToHashSet(StringComparer.Ordinal)
            : [];
        var patterns = schema.TryGetValue("patternProperties", out var patternProperties) && patternProperties is BsonDocument patternsDocument
            ? patternsDocument.Names.Select(p => RegexFactory.GetRegex(p, "")).ToArray()
            : [];

        bool IsAdditional(string name) => !declared.Contains(name) && !patterns.Any(p => p.IsMatch(name));

        switch (value)
        {
            case BsonBoolean allowed:
                if (allowed.Value) return _ => true;
                return v => v is not BsonDocument d || !d.Names.Any(IsAdditional);
            case BsonDocument additionalSchema:
                var compiled = Compile(additionalSchema);
                return v => v is not BsonDocument d || d.Where(e => IsAdditional(e.Name)).All(e => compiled.IsValid(e.Value));
            default:
                throw MongoError.TypeMismatch("$jsonSchema keyword 'additionalProperties' must be either an object or a boolean");
        }
    }

    private static SchemaCheck EnumCheck(BsonValue value)
    {
        if (value is not BsonArray array) throw MongoError.TypeMismatch("$jsonSchema keyword 'enum' must be an array");
        if (array.Count == 0) throw MongoError.FailedToParse("$jsonSchema keyword 'enum' cannot be an empty array");
        var allowed = array.ToArray();
        return v => allowed.Any(a => BsonValueComparer.Instance.Equals(a, v));
    }

    private static SchemaCheck BoundCheck(BsonElement element, bool isMinimum, bool exclusive)
    {
        if (!element.Value.IsNumeric) throw MongoError.TypeMismatch($"$jsonSchema keyword '{element.Name}' must be a number");
        var bound = element.Value;
        return v =>
        {
            if (!BsonTypeOrder.IsNumeric(v)) return true;
            var comparison = BsonValueComparer.CompareNumbers(v, bound);
            return isMinimum
                ? exclusive ? comparison > 0 : comparison >= 0
                : exclusive ? comparison < 0 : comparison <= 0;
        };
    }

    private static bool Flag(BsonDocument schema, string name)
    {
        if (!schema.TryGetValue(name, out var value)) return false;
        if (!value.IsBoolean) throw MongoError.TypeMismatch($"$jsonSchema keyword '{name}' must be a boolean");
        return value.AsBoolean;
    }

    private static void RequireCompanion(BsonDocument schema, BsonElement element, string companion)
    {
        if (!element.Value.IsBoolean) throw MongoError.TypeMismatch($"$jsonSchema keyword '{element.Name}' must be a boolean");
        if (!schema.Contains(companion))
        {
            throw MongoError.FailedToParse($"$jsonSchema keyword '{companion}' must be a present if {element.Name} is present");
        }
    }

    private static SchemaCheck ItemsCheck(BsonDocument schema, BsonValue value)
    {
        switch (value)
        {
            case BsonDocument itemSchema:
                var compiled = Compile(itemSchema);
                return v => v is not BsonArray a || a.All(compiled.IsValid);
            case BsonArray tuple:
                var positional = tuple.Select(s => s is BsonDocument d
                    ? Compile(d)
                    : throw MongoError.TypeMismatch("$jsonSchema keyword 'items' requires that each element of the array is an object")).ToArray();
                SchemaNode? additionalSchema = null;
                var additionalAllowed = true;
                if (schema.TryGetValue("additionalItems", out var additional))
                {
                    if (additional is BsonBoolean allowed) additionalAllowed = allowed.Value;
                    else if (additional is BsonDocument additionalDocument) additionalSchema = Compile(additionalDocument);
                }
                return v =>
                {
                    if (v is not BsonArray a) return true;
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (i < positional.Length)
                        {
                            if (!positional[i].IsValid(a[i])) return false;
                        }
                        else if (!additionalAllowed || (additionalSchema is not null && !additionalSchema.IsValid(a[i])))
                        {
                            return false;
                        }
                    }
                    return true;
                };
            default:
                throw MongoError.TypeMismatch("$jsonSchema keyword 'items' must be an array or an object");
        }
    }

    private static SchemaCheck DependenciesCheck(BsonValue value)
    {
        if (value is not BsonDocument dependencies) throw MongoError.TypeMismatch("$jsonSchema keyword 'dependencies' must be an object");
        var compiled = new List<(string Name, Func<BsonDocument, bool> Check)>();
        foreach (var dependency in dependencies)
        {
            switch (dependency.Value)
            {
                case BsonDocument dependentSchema:
                    var node = Compile(dependentSchema);
                    compiled.Add((dependency.Name, d => node.IsValid(d)));
                    break;
                case BsonArray names when names.All(n => n.IsString):
                    var required = names.Select(n => n.AsString).ToArray();
                    compiled.Add((dependency.Name, d => required.All(d.Contains)));
                    break;
                default:
                    throw MongoError.TypeMismatch("$jsonSchema dependency must be either an object or an array of strings");
            }
        }
        return v => v is not BsonDocument d || compiled.All(c => !d.Contains(c.Name) || c.Check(d));
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

    private static int CodePoints(string text) => text.EnumerateRunes().Count();
}
