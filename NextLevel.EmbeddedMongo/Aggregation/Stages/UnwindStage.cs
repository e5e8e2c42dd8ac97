using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $unwind: one output document per array element. A non-array value passes as is; null, missing and empty
/// arrays are dropped unless preserveNullAndEmptyArrays. includeArrayIndex records the position (null when none).
/// </summary>
internal sealed class UnwindStage(string[] path, string[]? indexField, bool preserveEmpty) : Stage
{
    public override string Name => "$unwind";

    public static Stage Parse(BsonValue spec)
    {
        string? path = null;
        string? index = null;
        var preserve = false;
        switch (spec)
        {
            case BsonString s:
                path = s.Value;
                break;
            case BsonDocument document:
                foreach (var element in document)
                {
                    switch (element.Name)
                    {
                        case "path":
                            path = element.Value as BsonString is { } p ? p.Value
                                : throw MongoError.Location(28808, $"expected a string as the path for $unwind stage, got {element.Value.BsonType}");
                            break;
                        case "includeArrayIndex":
                            index = element.Value as BsonString is { } i ? i.Value
                                : throw MongoError.Location(28810, $"expected a non-empty string for the includeArrayIndex option to $unwind stage, got {element.Value.BsonType}");
                            if (index.Length == 0) throw MongoError.Location(28810, "expected a non-empty string for the includeArrayIndex option to $unwind stage");
                            if (index[0] == '$') throw MongoError.Location(28822, $"includeArrayIndex option to $unwind stage should not be prefixed with a '$': {index}");
                            break;
                        case "preserveNullAndEmptyArrays":
                            preserve = element.Value is BsonBoolean b ? b.Value
                                : throw MongoError.Location(28809, $"expected a boolean for the preserveNullAndEmptyArrays option to $unwind stage, got {element.Value.BsonType}");
                            break;
                        default:
                            throw MongoError.Location(28811, $"unrecognized option to $unwind stage: {element.Name}");
                    }
                }
                if (path is null) throw MongoError.Location(28812, "no path specified to $unwind stage");
                break;
            default:
                throw MongoError.Location(15981, $"expected either a string or an object as specification for $unwind stage, got {spec.BsonType}");
        }
        if (path.Length == 0) throw MongoError.Location(40352, "FieldPath cannot be constructed with empty string");
        if (path[0] != '$') throw MongoError.Location(28818, $"path option to $unwind stage should be prefixed with a '$': {path}");
        var parts = path[1..].Split('.');
        if (parts.Any(p => p.Length == 0 || p[0] == '$')) throw MongoError.Location(15998, "FieldPath field names may not be empty strings.");
        return new UnwindStage(parts, index?.Split('.'), preserve);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        foreach (var document in input)
        {
            var value = DocumentPaths.Get(document, path);
            if (value is BsonArray array && array.Count > 0)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    var unwound = DocumentPaths.With(document, path, array[i]);
                    if (indexField is not null) unwound = DocumentPaths.With(unwound, indexField, new BsonInt64(i));
                    yield return runtime.Metadata.Carry(document, unwound);
                }
            }
            else if (value is not null and not BsonNull and not BsonArray)
            {
                yield return indexField is null ? document : DocumentPaths.With(document, indexField, BsonNull.Value);
            }
            else if (preserveEmpty)
            {
                // An empty array is removed from the output; null stays null and missing stays missing.
                var kept = value is BsonArray ? DocumentPaths.Without(document, path) : document;
                yield return indexField is null ? kept : DocumentPaths.With(kept, indexField, BsonNull.Value);
            }
        }
    }
}
