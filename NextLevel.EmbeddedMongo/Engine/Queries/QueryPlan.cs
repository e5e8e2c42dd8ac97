using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>
/// How a query reads its collection: a collection scan, or an index scan over the bounds of the index's fields.
/// Explain renders it in MongoDB's shape (FETCH over IXSCAN, or COLLSCAN).
/// </summary>
internal sealed class QueryPlan
{
    private QueryPlan(IndexDefinition? index, IReadOnlyList<(string Field, IReadOnlyList<KeyInterval> Intervals)> bounds, bool providesSort)
    {
        Index = index;
        Bounds = bounds;
        ProvidesSort = providesSort;
    }

    public static QueryPlan CollectionScan { get; } = new(null, [], false);

    /// <summary>The index read, or null for a collection scan.</summary>
    public IndexDefinition? Index { get; }

    /// <summary>Per index field (in key order), the key intervals read.</summary>
    public IReadOnlyList<(string Field, IReadOnlyList<KeyInterval> Intervals)> Bounds { get; }

    /// <summary>True when the plan was chosen for the query's sort order rather than its filter.</summary>
    public bool ProvidesSort { get; }

    public bool IsCollectionScan => Index is null;

    public static QueryPlan IndexScan(IndexDefinition index, FieldBounds filterBounds, bool providesSort)
    {
        var bounds = new List<(string, IReadOnlyList<KeyInterval>)>();
        var stillPoints = true;
        foreach (var key in index.Key)
        {
            var descending = key.Value.IsNumeric && key.Value.ToDouble() < 0;
            IReadOnlyList<KeyInterval> intervals = stillPoints && filterBounds.TryGet(key.Name, out var found) ? found : [KeyInterval.All];
            // After the first non-point field, later fields of a compound index are read in full.
            stillPoints = stillPoints && intervals.All(i => i.IsPoint);
            bounds.Add((key.Name, descending ? [.. intervals.Reverse().Select(i => i.Reversed())] : intervals));
        }
        return new QueryPlan(index, bounds, providesSort);
    }

    /// <summary>queryPlanner.winningPlan: the access stage wrapped in the stages that follow it.</summary>
    public BsonDocument ToWinningPlan(BsonDocument filter, BsonDocument? sort, bool hasProjection, long skip, long? limit)
    {
        BsonDocument stage;
        if (Index is null)
        {
            stage = new BsonDocument { { "stage", "COLLSCAN" }, { "filter", filter }, { "direction", "forward" } };
        }
        else
        {
            var indexBounds = new BsonDocument();
            foreach (var (field, intervals) in Bounds)
                indexBounds.Add(field, new BsonArray(intervals.Select(i => i.ToExplainString())));
            var indexScan = new BsonDocument
            {
                { "stage", "IXSCAN" },
                { "keyPattern", Index.Key },
                { "indexName", Index.Name },
                { "isMultiKey", false },
                { "isUnique", Index.Unique },
                { "isSparse", Index.Sparse },
                { "isPartial", Index.PartialFilterExpression is not null },
                { "indexVersion", 2 },
                { "direction", "forward" },
                { "indexBounds", indexBounds },
            };
            stage = new BsonDocument { { "stage", "FETCH" } };
            if (filter.ElementCount > 0) stage.Add("filter", filter);
            stage.Add("inputStage", indexScan);
        }

        if (sort is not null && sort.ElementCount > 0 && !ProvidesSort)
            stage = new BsonDocument { { "stage", "SORT" }, { "sortPattern", sort }, { "memLimit", 104857600 }, { "type", "simple" }, { "inputStage", stage } };
        if (skip > 0) stage = new BsonDocument { { "stage", "SKIP" }, { "skipAmount", skip }, { "inputStage", stage } };
        if (limit is > 0) stage = new BsonDocument { { "stage", "LIMIT" }, { "limitAmount", limit.Value }, { "inputStage", stage } };
        if (hasProjection) stage = new BsonDocument { { "stage", "PROJECTION_DEFAULT" }, { "inputStage", stage } };
        return stage;
    }
}
