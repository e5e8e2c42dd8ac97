using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Planner;

/// <summary>
/// MongoDB's COUNT_SCAN: a count whose filter an index's bounds express exactly (equalities, <c>$in</c> and ranges on
/// a prefix of the index's fields, nothing else) is the number of index entries inside the bounds, read from the keys
/// without fetching a document. The index must hold one entry per document: not multikey, sparse, partial or hidden.
/// [Stateless - ThreadSafe] call under the engine lock.
/// </summary>
internal static class CountScan
{
    private static readonly HashSet<string> RangeOperators = new(["$gt", "$gte", "$lt", "$lte"], StringComparer.Ordinal);

    /// <summary>The number of matching documents, or null when no index answers the filter exactly.</summary>
    public static long? TryCount(CollectionStore collection, BsonDocument filter) =>
        FindExact(collection, filter, []) is var (index, bounds) ? IndexScan.CountEntries(index, bounds) : null;

    /// <summary>
    /// An index whose bounds express <paramref name="filter"/> exactly and whose keys also hold every one of
    /// <paramref name="alsoNeeded"/> (paths a covered read takes from the keys), with those bounds; null when none.
    /// Its entries inside the bounds are then one per matching document.
    /// </summary>
    public static (IndexStore Index, List<IReadOnlyList<FieldInterval>> Bounds)? FindExact(CollectionStore collection, BsonDocument filter, IReadOnlyCollection<string> alsoNeeded)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (!AddExactConditions(filter, paths) || paths.Count == 0) return null;
        var predicates = FieldPredicates.From(filter);
        foreach (var index in collection.Indexes)
        {
            var definition = index.Definition;
            if (!index.MaintainsEntries || index.IsMultikey || definition.Hidden || definition.Sparse || definition.PartialFilterExpression is not null
                || index.Pattern.HasPositionalComponent || index.Pattern.Paths.Length < paths.Count)
                continue;
            if (!index.Pattern.Paths.Take(paths.Count).All(paths.Contains) || !alsoNeeded.All(index.Pattern.Paths.Contains)) continue;
            var bounds = QueryPlanner.Bounds(index, predicates);
            // Fewer bounds than paths: a range came before another field, which the scan would not narrow.
            if (bounds.Count != paths.Count) continue;
            return (index, bounds);
        }
        return null;
    }

    /// <summary>
    /// True when every condition of the filter is one the bounds capture exactly: per path, one equality or one
    /// <c>$in</c> (key-comparable values), or range operators only; each path once; no other top-level operator.
    /// </summary>
    private static bool AddExactConditions(BsonDocument filter, HashSet<string> paths)
    {
        foreach (var element in filter)
        {
            if (element.Name == "$and" && element.Value is BsonArray clauses)
            {
                foreach (var clause in clauses)
                {
                    if (clause is not BsonDocument document || !AddExactConditions(document, paths)) return false;
                }
                continue;
            }
            if (element.Name.StartsWith('$') || !IsExact(element.Value) || !paths.Add(element.Name)) return false;
        }
        return true;
    }

    private static bool IsExact(BsonValue condition)
    {
        if (condition is not BsonDocument operators || operators.ElementCount == 0 || !operators.GetElement(0).Name.StartsWith('$'))
            return FieldPredicates.IsKeyComparable(condition);
        var points = 0;
        var ranges = 0;
        var numericLow = false;
        var numericHighOnly = false;
        foreach (var op in operators)
        {
            switch (op.Name)
            {
                case "$eq" when FieldPredicates.IsKeyComparable(op.Value):
                case "$in" when op.Value is BsonArray { Count: > 0 } values && values.All(FieldPredicates.IsKeyComparable):
                    points++;
                    break;
                case var name when RangeOperators.Contains(name) && FieldPredicates.IsKeyComparable(op.Value):
                    ranges++;
                    if (op.Value.IsNumeric)
                    {
                        if (double.IsNaN(op.Value.ToDouble())) return false;
                        if (name is "$gt" or "$gte") numericLow = true;
                        else numericHighOnly = true;
                    }
                    break;
                default:
                    return false;
            }
        }
        // NaN sorts first among numbers: a numeric range without a lower bound would count the NaNs it does not match.
        if (numericHighOnly && !numericLow) return false;
        return points == 1 && ranges == 0 || points == 0 && ranges > 0;
    }
}
