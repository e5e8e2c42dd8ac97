using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Planner;

/// <summary>
/// How a query reads a collection: a full scan or an index scan over computed bounds. <see cref="Candidates"/> is a
/// superset of the matching documents (re-check each with the filter); when <see cref="ProvidesSort"/> is true it
/// yields them already in the requested sort order. Enumerate it under the engine lock that produced it.
/// [NotThreadSafe] one enumeration at a time.
/// </summary>
public sealed class QueryPlan
{
    private readonly Func<QueryPlan, IEnumerable<StoredDocument>> _source;

    internal QueryPlan(string stage, IndexStore? index, bool backward, bool providesSort, IReadOnlyList<IReadOnlyList<FieldInterval>>? bounds,
        Func<QueryPlan, IEnumerable<StoredDocument>> source)
    {
        Stage = stage;
        Index = index?.Definition;
        IsMultikey = index?.IsMultikey ?? false;
        Backward = backward;
        ProvidesSort = providesSort;
        Bounds = bounds;
        _source = source;
    }

    /// <summary><c>IXSCAN</c> or <c>COLLSCAN</c>.</summary>
    public string Stage { get; }

    /// <summary>The index scanned; null for a collection scan.</summary>
    public IndexDefinition? Index { get; }

    public bool IsMultikey { get; }

    /// <summary>True when the index (or the collection) is walked in reverse order.</summary>
    public bool Backward { get; }

    /// <summary>True when the candidates already come in the requested sort order.</summary>
    public bool ProvidesSort { get; }

    /// <summary>Per index field, the intervals scanned (null for a collection scan).</summary>
    internal IReadOnlyList<IReadOnlyList<FieldInterval>>? Bounds { get; }

    /// <summary>Index entries read so far by enumerations of <see cref="Candidates"/>.</summary>
    public long KeysExamined { get; internal set; }

    /// <summary>Documents fetched so far by enumerations of <see cref="Candidates"/>.</summary>
    public long DocsExamined { get; internal set; }

    /// <summary>Candidate documents, lazily produced (safe to continue after the collection is changed).</summary>
    public IEnumerable<StoredDocument> Candidates => _source(this);

    /// <summary>A one-line description such as <c>IXSCAN { status: 1 }</c> or <c>COLLSCAN</c>.</summary>
    public string Summary => Index is null ? Stage : $"{Stage} {FormatKey(Index.Key)}";

    public override string ToString() => Summary;

    /// <summary>The winningPlan of explain: <c>FETCH</c> over <c>IXSCAN</c>, or <c>COLLSCAN</c>.</summary>
    public BsonDocument ToExplainDocument()
    {
        var direction = Backward ? "backward" : "forward";
        if (Index is null) return new BsonDocument { { "stage", "COLLSCAN" }, { "direction", direction } };

        var bounds = new BsonDocument();
        var field = 0;
        foreach (var element in Index.Key)
        {
            var intervals = Bounds is not null && field < Bounds.Count ? Bounds[field] : [FieldInterval.All];
            bounds.Add(element.Name, new BsonArray(intervals.Select(interval => interval.ToString())));
            field++;
        }
        var scan = new BsonDocument
        {
            { "stage", "IXSCAN" },
            { "keyPattern", Index.Key.DeepClone() },
            { "indexName", Index.Name },
            { "isMultiKey", IsMultikey },
            { "isUnique", Index.Unique },
            { "isSparse", Index.Sparse },
            { "isPartial", Index.PartialFilterExpression is not null },
            { "indexVersion", 2 },
            { "direction", direction },
            { "indexBounds", bounds },
        };
        return new BsonDocument { { "stage", "FETCH" }, { "inputStage", scan } };
    }

    private static string FormatKey(BsonDocument key) =>
        "{ " + string.Join(", ", key.Select(element => $"{element.Name}: {element.Value}")) + " }";
}
