using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation;

/// <summary>
/// A parsed terminal <c>$out</c>: the command layer replaces the target collection with the pipeline's output
/// (atomically: the old contents stay if the pipeline fails).
/// </summary>
public sealed record OutStage(string Database, string Collection) : OutputStage(Database, Collection)
{
    internal static OutStage Parse(BsonValue spec, string database)
    {
        switch (spec)
        {
            case BsonString s:
                return new OutStage(database, ValidCollection("$out", s.Value));
            case BsonDocument document:
                string? db = null, coll = null;
                foreach (var element in document)
                {
                    if (element.Name == "db") db = RequireString("$out", element);
                    else if (element.Name == "coll") coll = RequireString("$out", element);
                    else if (element.Name == "timeseries")
                        throw new MongoError(ErrorCode.NotImplemented, "$out to a time-series collection is not supported by NextLevel.EmbeddedMongo");
                    else throw MongoError.Location(40415, $"BSON field '$out.{element.Name}' is an unknown field.");
                }
                if (db is null) throw MongoError.Location(40414, "BSON field '$out.db' is missing but a required field");
                if (coll is null) throw MongoError.Location(40414, "BSON field '$out.coll' is missing but a required field");
                return new OutStage(db, ValidCollection("$out", coll));
            default:
                throw MongoError.Location(16990, $"$out only supports a string or object argument, not {ExprValues.TypeName(spec)}");
        }
    }

    internal static string RequireString(string stage, BsonElement element) => element.Value is BsonString s
        ? s.Value
        : throw MongoError.TypeMismatch($"BSON field '{stage}.{element.Name}' is the wrong type '{ExprValues.TypeName(element.Value)}', expected type 'string'");

    internal static string ValidCollection(string stage, string name)
    {
        if (name.Length == 0 || name.Contains('$', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
            throw new MongoError(ErrorCode.InvalidNamespace, $"Invalid {stage} target namespace, '{name}'");
        if (name.StartsWith("system.", StringComparison.Ordinal))
            throw MongoError.Location(17385, $"Can't {stage} to special collection: {name}");
        return name;
    }
}
