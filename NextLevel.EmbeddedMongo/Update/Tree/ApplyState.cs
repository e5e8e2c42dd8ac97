using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Update.Tree;

/// <summary>Everything one application of an update needs besides the node's own position.
/// [Transient - NotThreadSafe] one instance per Apply call, over that call's private copy of the document.</summary>
internal sealed class ApplyState
{
    public ApplyState(BsonDocument root, UpdateApplyContext context, ArrayFilterSet arrayFilters, bool isInsert)
    {
        Root = root;
        Context = context;
        ArrayFilters = arrayFilters;
        IsInsert = isInsert;
        // An inserted document (upsert) may still receive its _id; an existing one may not change it.
        _idIsImmutable = !isInsert && root.Contains("_id");
    }

    private readonly bool _idIsImmutable;

    public BsonDocument Root { get; }

    public UpdateApplyContext Context { get; }

    public ArrayFilterSet ArrayFilters { get; }

    /// <summary>True when building an upsert's new document: $setOnInsert applies, _id may be set.</summary>
    public bool IsInsert { get; }

    /// <summary>The array index the query matched, as a path component, for the positional <c>$</c>.</summary>
    public string MatchedIndex => Context.Match?.ArrayIndex is { } index
        ? index.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : throw MongoError.BadValue("The positional operator did not find the match needed from the query.");

    /// <summary>Called before a node changes the value at <paramref name="fullPath"/>; rejects changes to _id.</summary>
    public void EnsureMutable(string fullPath)
    {
        if (!_idIsImmutable) return;
        if (fullPath == "_id" || fullPath.StartsWith("_id.", StringComparison.Ordinal))
        {
            throw new MongoError(ErrorCode.ImmutableField,
                $"Performing an update on the path '{fullPath}' would modify the immutable field '_id'");
        }
    }

    /// <summary>The document's _id for error messages, rendered as the server does (<c>_id: 1</c>).</summary>
    public string IdForMessage => Values.BsonDisplay.Element("_id", Root.TryGetValue("_id", out var id) ? id : null);
}
