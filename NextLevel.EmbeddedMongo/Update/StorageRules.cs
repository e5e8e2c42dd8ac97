using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Tree;

namespace NextLevel.EmbeddedMongo.Update;

/// <summary>Field-name rules of stored documents that updates must respect. Since MongoDB 5.0 only top-level
/// field names are checked: nested names may start with '$'.</summary>
internal static class StorageRules
{
    /// <summary>Throws when creating <paramref name="target"/> would add a '$'-prefixed top-level field.</summary>
    public static void EnsureStorableTopLevelName(NodeTarget target)
    {
        if (target.Taken.Count == 0 && target.ToCreate[0].StartsWith('$')) throw DollarPrefixedField(target.ToCreate[0]);
    }

    public static MongoError DollarPrefixedField(string name) => new(ErrorCode.DollarPrefixedFieldName,
        $"The dollar ($) prefixed field '{name}' in '{name}' is not allowed in the context of an update's replacement document. "
        + "Consider using an aggregation pipeline with $replaceWith.");
}
