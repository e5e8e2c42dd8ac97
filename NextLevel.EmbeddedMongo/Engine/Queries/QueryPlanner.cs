using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>
/// Chooses the index a query reads: the one whose leading fields are most constrained by the filter
/// (equalities first, then one range), else one that yields the requested sort order, else a collection scan.
/// A hint overrides the choice. Stateless and thread-safe.
/// </summary>
internal static class QueryPlanner
{
    /// <summary>Key types other than ascending/descending need their own access methods; they are not planned.</summary>
    private static bool IsOrderedIndex(IndexDefinition index) => index.Key.All(k => k.Value.IsNumeric);

    public static QueryPlan Plan(CollectionStore? collection, BsonDocument filter, BsonDocument? sort, BsonValue? hint)
    {
        if (collection is null) return QueryPlan.CollectionScan;
        var bounds = FieldBounds.FromFilter(filter);
        if (hint is not null && !hint.IsBsonNull) return PlanForHint(collection, hint, bounds, sort);

        IndexDefinition? best = null;
        var bestScore = 0.0;
        foreach (var index in collection.Indexes.Select(i => i.Definition))
        {
            if (!IsOrderedIndex(index) || index.Sparse || index.PartialFilterExpression is not null) continue;
            var score = Score(index, bounds);
            if (score > bestScore || (score == bestScore && score > 0 && best is not null && IsBetterTie(index, best)))
            {
                best = index;
                bestScore = score;
            }
        }
        if (best is not null) return QueryPlan.IndexScan(best, bounds, ProvidesSort(best, sort, bounds));

        if (sort is not null && sort.ElementCount > 0)
        {
            var sortIndex = collection.Indexes.Select(i => i.Definition)
                .FirstOrDefault(i => IsOrderedIndex(i) && !i.Sparse && i.PartialFilterExpression is null && ProvidesSort(i, sort, bounds));
            if (sortIndex is not null) return QueryPlan.IndexScan(sortIndex, bounds, providesSort: true);
        }
        return QueryPlan.CollectionScan;
    }

    public static IndexDefinition? FindIndex(CollectionStore collection, BsonValue nameOrKey)
    {
        foreach (var index in collection.Indexes.Select(i => i.Definition))
        {
            if (nameOrKey.IsString ? index.Name == nameOrKey.AsString : nameOrKey.IsBsonDocument && SameKey(index.Key, nameOrKey.AsBsonDocument))
                return index;
        }
        return null;
    }

    public static bool SameKey(BsonDocument a, BsonDocument b)
    {
        if (a.ElementCount != b.ElementCount) return false;
        for (var i = 0; i < a.ElementCount; i++)
        {
            if (a.GetElement(i).Name != b.GetElement(i).Name || !BsonValueComparer.Instance.Equals(a[i], b[i])) return false;
        }
        return true;
    }

    private static QueryPlan PlanForHint(CollectionStore collection, BsonValue hint, FieldBounds bounds, BsonDocument? sort)
    {
        if (hint.IsBsonDocument && hint.AsBsonDocument.Contains("$natural")) return QueryPlan.CollectionScan;
        if (hint.IsString || hint.IsBsonDocument)
        {
            if ((hint.IsString && hint.AsString.Length == 0) || (hint.IsBsonDocument && hint.AsBsonDocument.ElementCount == 0))
                return Plan(collection, new BsonDocument(), sort, null);
            var index = FindIndex(collection, hint);
            if (index is not null) return QueryPlan.IndexScan(index, bounds, ProvidesSort(index, sort, bounds));
        }
        throw MongoError.BadValue("error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index");
    }

    /// <summary>Leading equality fields count 1 each, a range on the next field adds 0.5.</summary>
    private static double Score(IndexDefinition index, FieldBounds bounds)
    {
        var score = 0.0;
        foreach (var key in index.Key)
        {
            if (!bounds.TryGet(key.Name, out var intervals)) break;
            if (intervals.All(i => i.IsPoint))
            {
                score += 1;
                continue;
            }
            score += 0.5;
            break;
        }
        return score;
    }

    private static bool IsBetterTie(IndexDefinition candidate, IndexDefinition current) =>
        candidate.Unique && !current.Unique || (candidate.Unique == current.Unique && candidate.Key.ElementCount < current.Key.ElementCount);

    /// <summary>
    /// An index yields the sort order when, after the fields fixed by equality, its keys match the sort's fields
    /// in order with all directions equal or all reversed.
    /// </summary>
    private static bool ProvidesSort(IndexDefinition index, BsonDocument? sort, FieldBounds bounds)
    {
        if (sort is null || sort.ElementCount == 0) return false;
        var keys = index.Key.Elements.ToList();
        var position = 0;
        int? orientation = null;
        foreach (var sortField in sort)
        {
            while (position < keys.Count && keys[position].Name != sortField.Name
                && bounds.TryGet(keys[position].Name, out var fixedIntervals) && fixedIntervals.Count == 1 && fixedIntervals[0].IsPoint)
                position++;
            if (position >= keys.Count || keys[position].Name != sortField.Name || !sortField.Value.IsNumeric) return false;
            var sameDirection = Math.Sign(keys[position].Value.ToDouble()) == Math.Sign(sortField.Value.ToDouble());
            var thisOrientation = sameDirection ? 1 : -1;
            if (orientation is not null && orientation != thisOrientation) return false;
            orientation = thisOrientation;
            position++;
        }
        return true;
    }
}
