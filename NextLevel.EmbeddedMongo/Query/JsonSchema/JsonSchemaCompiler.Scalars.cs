using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query.Parsing;

namespace NextLevel.EmbeddedMongo.Query.JsonSchema;

/// <summary>Keywords about types and scalar values: bsonType, type, enum, minimum/maximum, string length.</summary>
internal static partial class JsonSchemaCompiler
{
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

    private static int CodePoints(string text) => text.EnumerateRunes().Count();
}
