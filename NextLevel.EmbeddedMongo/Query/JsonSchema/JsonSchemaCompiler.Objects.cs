using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query.Parsing;

namespace NextLevel.EmbeddedMongo.Query.JsonSchema;

/// <summary>Keywords about documents: required, properties, patternProperties, additionalProperties, dependencies.</summary>
internal static partial class JsonSchemaCompiler
{
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
}
