using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Values;

namespace NextLevel.EmbeddedMongo.Update;

/// <summary>Rules for the immutable, storable <c>_id</c> field of an updated document.</summary>
internal static class IdField
{
    public const string Name = "_id";

    /// <summary>An _id can be anything but an array, a regular expression or undefined.</summary>
    public static void EnsureStorable(BsonDocument document)
    {
        if (!document.TryGetValue(Name, out var id)) return;
        if (id.BsonType is BsonType.Array or BsonType.RegularExpression or BsonType.Undefined)
        {
            throw new MongoError(ErrorCode.InvalidIdField, $"The '_id' value cannot be of type {BsonTypeNames.Of(id)}");
        }
    }

    /// <summary>Throws when a whole-document change (replacement, pipeline, upsert) gave <paramref name="after"/> a
    /// different _id than <paramref name="before"/> had. Values equal in MongoDB's comparison (1 and 1.0) are allowed.</summary>
    public static void EnsureUnchanged(BsonDocument before, BsonDocument after)
    {
        if (!before.TryGetValue(Name, out var original)) return;
        if (!after.TryGetValue(Name, out var current))
        {
            throw new MongoError(ErrorCode.ImmutableField, "After applying the update, the (immutable) field '_id' was found to have been removed.");
        }
        if (!BsonValueComparer.Instance.Equals(original, current))
        {
            throw new MongoError(ErrorCode.ImmutableField,
                $"After applying the update, the (immutable) field '_id' was found to have been altered to {BsonDisplay.Element(Name, current)}");
        }
    }

    /// <summary>Builds the stored document of a whole-document replacement: when the new content has no _id, the
    /// original _id is kept, first.</summary>
    public static BsonDocument KeepOriginalId(BsonDocument original, BsonDocument replacement)
    {
        if (replacement.Contains(Name) || !original.TryGetValue(Name, out var id)) return replacement;
        var result = new BsonDocument(Name, id);
        foreach (var element in replacement) result.Add(element);
        return result;
    }

    /// <summary>Moves _id to the front, where the server always stores it in inserted documents.</summary>
    public static BsonDocument First(BsonDocument document)
    {
        if (!document.TryGetValue(Name, out var id) || document.GetElement(0).Name == Name) return document;
        var result = new BsonDocument(Name, id);
        foreach (var element in document)
        {
            if (element.Name != Name) result.Add(element);
        }
        return result;
    }
}
