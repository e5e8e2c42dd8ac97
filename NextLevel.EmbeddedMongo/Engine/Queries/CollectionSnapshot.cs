using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>
/// The candidate documents of a query, captured under the read lock. Stored documents are immutable byte arrays,
/// so the snapshot can be filtered, sorted and returned over several getMores after the lock is released,
/// and later writes never show up half-way through a cursor.
/// </summary>
internal sealed class CollectionSnapshot
{
    private CollectionSnapshot(bool exists, IReadOnlyList<StoredDocument> documents, QueryPlan plan, IReadOnlyDictionary<string, int>? textIndexFields)
    {
        Exists = exists;
        Documents = documents;
        Plan = plan;
        TextIndexFields = textIndexFields;
    }

    public bool Exists { get; }

    public IReadOnlyList<StoredDocument> Documents { get; }

    public QueryPlan Plan { get; }

    /// <summary>Fields of the collection's text index, for $text.</summary>
    public IReadOnlyDictionary<string, int>? TextIndexFields { get; }

    /// <summary>Takes the snapshot; call inside a storage read or write callback.</summary>
    public static CollectionSnapshot Capture(CollectionStore? collection, BsonDocument filter, BsonDocument? sort, BsonValue? hint)
    {
        var plan = QueryPlanner.Plan(collection, filter, sort, hint);
        if (collection is null) return new CollectionSnapshot(false, [], plan, null);
        return new CollectionSnapshot(true, [.. Candidates(collection)], plan, TextFields(collection));
    }

    public FilterOptions FilterOptions(IReadOnlyDictionary<string, BsonValue>? variables, DateTime now) =>
        new() { TextIndexFields = TextIndexFields, Variables = variables, Now = now };

    /// <summary>The text index fields of a collection (weights default to 1), or null when it has no text index.</summary>
    public static IReadOnlyDictionary<string, int>? TextFields(CollectionStore collection)
    {
        foreach (var index in collection.Indexes)
        {
            var textKeys = index.Definition.Key.Where(k => k.Value.IsString && k.Value.AsString == "text").Select(k => k.Name).ToList();
            if (textKeys.Count > 0) return textKeys.ToDictionary(k => k, _ => 1, StringComparer.Ordinal);
        }
        return null;
    }

    /// <summary>Every document of the collection in natural (insertion) order; the filter decides which match.</summary>
    private static IEnumerable<StoredDocument> Candidates(CollectionStore collection) => collection.Scan();
}
