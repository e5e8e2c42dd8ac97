using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Indexes;

/// <summary>The index errors MongoDB reports, with its codes and wording.</summary>
internal static class IndexErrors
{
    public static MongoError CannotCreateIndex(string message) => new(67, "CannotCreateIndex", message);

    public static MongoError InvalidIndexSpecificationOption(string message) => new(197, "InvalidIndexSpecificationOption", message);

    public static MongoError IndexNotFound(string message) => new(ErrorCode.IndexNotFound, message);

    /// <summary>E11000 with keyPattern and keyValue, as drivers expect to find them on a duplicate key error.</summary>
    public static MongoError DuplicateKey(CollectionStore collection, IndexDefinition index, object key)
    {
        var keyValue = new BsonDocument();
        var field = 0;
        foreach (var element in index.Key) keyValue.Add(element.Name, IndexEntry.ValueAt(key, field++));
        var shown = string.Join(", ", keyValue.Select(element => $"{element.Name}: {ShellFormat(element.Value)}"));
        var extra = new BsonDocument { { "keyPattern", index.Key.DeepClone() }, { "keyValue", keyValue } };
        return new MongoError(ErrorCode.DuplicateKey,
            $"E11000 duplicate key error collection: {collection.Database}.{collection.Name} index: {index.Name} dup key: {{ {shown} }}", extra);
    }

    /// <summary>A value written as the server prints it in error messages.</summary>
    internal static string ShellFormat(BsonValue value) => value.BsonType switch
    {
        BsonType.String => "\"" + value.AsString.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        BsonType.ObjectId => $"ObjectId('{value.AsObjectId}')",
        BsonType.DateTime => $"new Date({value.AsBsonDateTime.MillisecondsSinceEpoch})",
        BsonType.Int32 or BsonType.Int64 => value.ToInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        BsonType.Double => value.AsDouble.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        BsonType.Boolean => value.AsBoolean ? "true" : "false",
        BsonType.Null => "null",
        BsonType.Undefined => "undefined",
        BsonType.Document => "{ " + string.Join(", ", value.AsBsonDocument.Select(e => $"{e.Name}: {ShellFormat(e.Value)}")) + " }",
        BsonType.Array => "[ " + string.Join(", ", value.AsBsonArray.Select(ShellFormat)) + " ]",
        _ => value.ToString() ?? string.Empty,
    };
}
