using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Update;

/// <summary>A replacement document: the new content of the document, which keeps its _id.</summary>
internal sealed class ReplacementUpdate : UpdateExecutor
{
    public ReplacementUpdate(BsonDocument replacement)
    {
        foreach (var element in replacement)
        {
            if (element.Name.StartsWith('$')) throw StorageRules.DollarPrefixedField(element.Name);
        }
        var copy = replacement.DeepClone().AsBsonDocument;
        IdField.EnsureStorable(copy);
        Replacement = copy;
    }

    public BsonDocument Replacement { get; }

    public override BsonDocument Apply(BsonDocument document, UpdateApplyContext context, bool isInsert)
    {
        var result = IdField.KeepOriginalId(document, Replacement.DeepClone().AsBsonDocument);
        IdField.EnsureUnchanged(document, result);
        return result;
    }
}
