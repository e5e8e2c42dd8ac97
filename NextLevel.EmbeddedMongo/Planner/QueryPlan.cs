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
    private long _keysExamined;

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

    /// <summary><c>IXSCAN</c>, <c>COLLSCAN</c>, or <c>OR</c> (a union of index scans, see <see cref="Branches"/>).</summary>
    public string Stage { get; }

    /// <summary>The index scanned; null for a collection scan.</summary>
    public IndexDefinition? Index { get; }

    public bool IsMultikey { get; }

    /// <summary>True when the index (or the collection) is walked in reverse order.</summary>
    public bool Backward { get; }

    /// <summary>True when the candidates already come in the requested sort order.</summary>
    public bool ProvidesSort { get; }

    /// <summary>The index scans an <c>OR</c> plan unites (empty for other plans).</summary>
    public IReadOnlyList<QueryPlan> Branches { get; private init; } = [];

    /// <summary>Per index field, the intervals scanned (null for a collection scan).</summary>
    internal IReadOnlyList<IReadOnlyList<FieldInterval>>? Bounds { get; }

    /// <summary>Index entries read so far by enumerations of <see cref="Candidates"/>.</summary>
    public long KeysExamined
    {
        get => _keysExamined + Branches.Sum(branch => branch.KeysExamined);
        internal set => _keysExamined = value;
    }

    /// <summary>Documents fetched so far by enumerations of <see cref="Candidates"/>.</summary>
    public long DocsExamined { get; internal set; }

    /// <summary>Candidate documents, lazily produced (safe to continue after the collection is changed).</summary>
    public IEnumerable<StoredDocument> Candidates => _source(this);

    /// <summary>A one-line description such as <c>IXSCAN { status: 1 }</c>, <c>COLLSCAN</c> or <c>OR (IXSCAN { a: 1 }, IXSCAN { b: 1 })</c>.</summary>
    public string Summary => Branches.Count > 0
        ? $"{Stage} ({string.Join(", ", Branches.Select(branch => branch.Summary))})"
        : Index is null ? Stage : $"{Stage} {FormatKey(Index.Key)}";

    /// <summary>The union of index scans for a <c>$or</c>: each document once, in no particular order.</summary>
    internal static QueryPlan Union(IReadOnlyList<QueryPlan> branches) =>
        new("OR", null, backward: false, providesSort: false, bounds: null, plan => UniqueDocuments(plan, branches)) { Branches = branches };

    private static IEnumerable<StoredDocument> UniqueDocuments(QueryPlan plan, IReadOnlyList<QueryPlan> branches)
    {
        var seen = new HashSet<long>();
        foreach (var branch in branches)
        {
            foreach (var document in branch.Candidates)
            {
                if (!seen.Add(document.Id.Value)) continue;
                plan.DocsExamined++;
                yield return document;
            }
        }
    }

    public override string ToString() => Summary;

    /// <summary>The winningPlan of explain: <c>FETCH</c> over <c>IXSCAN</c> or over <c>OR</c> of them, or <c>COLLSCAN</c>.</summary>
    public BsonDocument ToExplainDocument()
    {
        if (Branches.Count > 0)
        {
            var union = new BsonDocument { { "stage", "OR" }, { "inputStages", new BsonArray(Branches.Select(branch => branch.IndexScanStage())) } };
            return new BsonDocument { { "stage", "FETCH" }, { "inputStage", union } };
        }
        if (Index is null) return new BsonDocument { { "stage", "COLLSCAN" }, { "direction", Backward ? "backward" : "forward" } };
        return new BsonDocument { { "stage", "FETCH" }, { "inputStage", IndexScanStage() } };
    }

    private BsonDocument IndexScanStage()
    {
        var index = Index!;
        var direction = Backward ? "backward" : "forward";

        var bounds = new BsonDocument();
        var field = 0;
        foreach (var element in index.Key)
        {
            var intervals = Bounds is not null && field < Bounds.Count ? Bounds[field] : [FieldInterval.All];
            bounds.Add(element.Name, new BsonArray(intervals.Select(interval => interval.ToString())));
            field++;
        }
        return new BsonDocument
        {
            { "stage", "IXSCAN" },
            { "keyPattern", index.Key.DeepClone() },
            { "indexName", index.Name },
            { "isMultiKey", IsMultikey },
            { "isUnique", index.Unique },
            { "isSparse", index.Sparse },
            { "isPartial", index.PartialFilterExpression is not null },
            { "indexVersion", 2 },
            { "direction", direction },
            { "indexBounds", bounds },
        };
    }

    private static string FormatKey(BsonDocument key) =>
        "{ " + string.Join(", ", key.Select(element => $"{element.Name}: {element.Value}")) + " }";
}
