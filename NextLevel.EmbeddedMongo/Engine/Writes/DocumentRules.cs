using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Engine.Writes;

/// <summary>
/// What every stored document must satisfy: an <c>_id</c> first, of a storable type. (The 16 MiB size limit is
/// enforced by the storage writer, which serialises the document anyway.)
/// </summary>
internal static class DocumentRules
{
    /// <summary>
    /// Returns the document as it will be stored: <c>_id</c> moved to the front, or a new ObjectId added there when
    /// it is missing, so the caller knows the id before the write. Throws InvalidIdField/BadValue for an _id MongoDB refuses.
    /// </summary>
    public static BsonDocument PrepareForInsert(BsonDocument document)
    {
        BsonDocument prepared;
        if (!document.TryGetValue("_id", out var id))
        {
            prepared = new BsonDocument("_id", ObjectId.GenerateNewId());
            prepared.AddRange(document);
        }
        else
        {
            ValidateId(id);
            prepared = document.GetElement(0).Name == "_id" ? document : IdFirst(document, id);
        }
        return prepared;
    }

    /// <summary>
    /// The result of an update keeps the original <c>_id</c>: a replacement without one gets it back, and a change
    /// is refused with ImmutableField (66).
    /// </summary>
    public static BsonDocument KeepId(BsonDocument original, BsonDocument updated)
    {
        if (!original.TryGetValue("_id", out var originalId)) return PrepareForInsert(updated);
        if (!updated.TryGetValue("_id", out var updatedId))
            return IdFirst(updated, originalId);
        if (!BsonValueComparer.Instance.Equals(originalId, updatedId) || originalId.BsonType != updatedId.BsonType)
            throw new MongoError(ErrorCode.ImmutableField,
                $"After applying the update, the (immutable) field '_id' was found to have been altered to _id: {updatedId}");
        return updated.GetElement(0).Name == "_id" ? updated : IdFirst(updated, updatedId);
    }

    public static void ValidateId(BsonValue id)
    {
        switch (id.BsonType)
        {
            case BsonType.Array:
                throw new MongoError(ErrorCode.InvalidIdField, "The '_id' value cannot be of type array");
            case BsonType.RegularExpression:
                throw MongoError.BadValue("can't use a regex for _id");
            case BsonType.Undefined:
                throw MongoError.BadValue("can't use a undefined for _id");
            case BsonType.Document:
                foreach (var element in id.AsBsonDocument)
                {
                    if (element.Name.StartsWith('$'))
                        throw new MongoError(ErrorCode.DollarPrefixedFieldName, $"_id fields may not contain '$'-prefixed fields: {element.Name} is not valid for storage.");
                }
                break;
        }
    }

    private static BsonDocument IdFirst(BsonDocument document, BsonValue id)
    {
        var result = new BsonDocument("_id", id);
        foreach (var element in document)
        {
            if (element.Name != "_id") result.Add(element);
        }
        return result;
    }
}
