using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Query.JsonSchema;

/// <summary>Keywords about arrays: items (single schema or tuple with additionalItems).</summary>
internal static partial class JsonSchemaCompiler
{
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
}
