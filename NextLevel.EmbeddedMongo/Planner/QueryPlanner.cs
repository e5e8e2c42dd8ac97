using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Planner;

/// <summary>
/// Chooses how to read a collection for a filter, sort and hint. Rules, cheapest first: an index whose every field
/// is pinned by equality and which is unique; then the index with the most equality fields in its bounded prefix,
/// then <c>$in</c> fields, then a range; among equals, one that also provides the sort. Without a usable filter
/// index, a top-level $or whose every branch has an index is read as a union of index scans; failing that, an index
/// matching the sort (not multikey, not sparse or partial) is walked in order. Otherwise the collection is scanned.
/// [Stateless - ThreadSafe] call under the engine lock and enumerate the plan under the same lock.
/// </summary>
public static class QueryPlanner
{
    public static QueryPlan Plan(CollectionStore collection, BsonDocument filter, BsonDocument? sort, BsonValue? hint)
    {
        var predicates = FieldPredicates.From(filter);
        var sortFields = ParseSort(sort);

        if (hint is not null && !IsEmptyHint(hint))
        {
            if (IsNaturalHint(hint, out var naturalBackward)) return CollectionScan(collection, naturalBackward);
            var hinted = FindHinted(collection, hint);
            if (!hinted.MaintainsEntries) return CollectionScan(collection, backward: false);
            return PlanWithIndex(collection, hinted, Bounds(hinted, predicates), sortFields, allowFullWalk: true, predicates)!;
        }

        var best = ChooseIndex(collection, predicates, sortFields);
        if (best is not null)
        {
            // MongoDB's plan trial in short: when the filter's index leaves many matches to sort, walking an index in
            // the sort's order reaches the first batch sooner (see MatchesManyToSort).
            if (sortFields.Count > 0 && !best.ProvidesSort && MatchesManyToSort(collection, best, predicates) && SortWalk(collection, sortFields) is { } ordered) return ordered;
            return PlanWithIndex(collection, best.Index, best.Bounds, sortFields, allowFullWalk: false, predicates)!;
        }
        if (PlanOr(collection, filter) is { } union) return union;
        return (sortFields.Count > 0 ? SortWalk(collection, sortFields) : null) ?? CollectionScan(collection, backward: false);
    }

    /// <summary>A walk of a whole index that gives the sort (not multikey, sparse or partial), or null when none does.</summary>
    private static QueryPlan? SortWalk(CollectionStore collection, List<(string Path, bool Descending)> sortFields)
    {
        foreach (var index in collection.Indexes)
        {
            if (!index.MaintainsEntries || index.Definition.Hidden || index.Definition.Sparse || index.Definition.PartialFilterExpression is not null || index.Pattern.HasPositionalComponent)
                continue;
            if (SortDirection(index, [], sortFields) is { } backward) return FullIndexWalk(collection, index, backward, providesSort: true);
        }
        return null;
    }

    /// <summary>
    /// True when the filter index's bounds hold more than √(101·n) entries for a collection of n documents. A first
    /// batch (101) read from an index in sort order costs about 101·n/m fetches for m matches; sorting the matches
    /// costs m fetches and a sort; the walk is cheaper once m² exceeds 101·n. Counting stops at that threshold, so
    /// the estimate reads at most √(101·n) keys and no document.
    /// </summary>
    private static bool MatchesManyToSort(CollectionStore collection, IndexChoice choice, FieldPredicates predicates)
    {
        const int FirstBatch = 101;
        var threshold = (long)Math.Sqrt((double)FirstBatch * collection.Count);
        return threshold >= FirstBatch && IndexScan.CountAtLeast(choice.Index, choice.Bounds, threshold + 1, KeyTests(choice.Index, choice.Bounds, predicates));
    }

    /// <summary>The best index for the conjuncts of a filter, or null when none has bounds.</summary>
    private static IndexChoice? ChooseIndex(CollectionStore collection, FieldPredicates predicates, List<(string Path, bool Descending)> sortFields)
    {
        IndexChoice? best = null;
        foreach (var index in collection.Indexes)
        {
            if (!IsUsable(index, predicates)) continue;
            var bounds = Bounds(index, predicates);
            if (bounds.Count == 0) continue;
            var choice = new IndexChoice(index, bounds, Score(index, bounds), SortDirection(index, bounds, sortFields) is not null || MergedSort(index, bounds, sortFields) is not null);
            if (best is null || choice.IsBetterThan(best)) best = choice;
        }
        return best;
    }

    /// <summary>
    /// A top-level <c>$or</c> whose every branch has a usable index is read as the union of those index scans
    /// (each document once); null when any branch would need a collection scan.
    /// </summary>
    private static QueryPlan? PlanOr(CollectionStore collection, BsonDocument filter)
    {
        if (!filter.TryGetValue("$or", out var value) || value is not BsonArray { Count: > 0 } clauses) return null;
        var branches = new List<QueryPlan>(clauses.Count);
        foreach (var clause in clauses)
        {
            if (clause is not BsonDocument branchFilter) return null;
            var branchPredicates = FieldPredicates.From(branchFilter);
            var choice = ChooseIndex(collection, branchPredicates, []);
            if (choice is null) return null;
            branches.Add(PlanWithIndex(collection, choice.Index, choice.Bounds, [], allowFullWalk: false, branchPredicates)!);
        }
        return QueryPlan.Union(branches);
    }

    private static QueryPlan? PlanWithIndex(CollectionStore collection, IndexStore index, List<IReadOnlyList<FieldInterval>> bounds,
        List<(string Path, bool Descending)> sortFields, bool allowFullWalk, FieldPredicates predicates)
    {
        var keyTests = KeyTests(index, bounds, predicates);
        var backward = SortDirection(index, bounds, sortFields);
        var providesSort = sortFields.Count > 0 && backward is not null;
        if (bounds.Count == 0) return allowFullWalk ? FullIndexWalk(collection, index, backward ?? false, providesSort) : null;
        if (backward is null && sortFields.Count > 0 && MergedSort(index, bounds, sortFields) is var (mergeField, mergeBackward))
        {
            return new QueryPlan("IXSCAN", index, mergeBackward, providesSort: true, bounds,
                plan => IndexScan.RunMerged(plan, collection, index, bounds, mergeField, mergeBackward));
        }
        var walkBackward = backward ?? false;
        return new QueryPlan("IXSCAN", index, walkBackward, providesSort, bounds,
            plan => IndexScan.Run(plan, collection, index, bounds, walkBackward, keyTests));
    }

    /// <summary>Per bounded field, the regular expressions its keys must match (null when no field has any).</summary>
    private static Query.Predicates.RegexTest[][]? KeyTests(IndexStore index, List<IReadOnlyList<FieldInterval>> bounds, FieldPredicates predicates)
    {
        Query.Predicates.RegexTest[][]? tests = null;
        for (var field = 0; field < bounds.Count; field++)
        {
            // Keys in a regex's bounds (every string, or a prefix's case variants) are tested against the whole regex.
            var regexes = predicates.RegexesOn(index.Pattern.Paths[field]);
            if (regexes.Count == 0 || bounds[field].Count == 1 && bounds[field][0].IsPoint) continue;
            tests ??= new Query.Predicates.RegexTest[bounds.Count][];
            tests[field] = [.. regexes];
        }
        return tests;
    }

    private static QueryPlan FullIndexWalk(CollectionStore collection, IndexStore index, bool backward, bool providesSort) =>
        new("IXSCAN", index, backward, providesSort, null, plan => IndexScan.Full(plan, collection, index, backward));

    private static QueryPlan CollectionScan(CollectionStore collection, bool backward) =>
        new("COLLSCAN", null, backward, providesSort: false, null, plan => CountDocuments(plan, backward ? collection.ScanBackward() : collection.Scan()));

    private static IEnumerable<StoredDocument> CountDocuments(QueryPlan plan, IEnumerable<StoredDocument> documents)
    {
        foreach (var document in documents)
        {
            plan.DocsExamined++;
            yield return document;
        }
    }

    /// <summary>Per leading index field, the intervals the filter allows: points for all but the last, which may be a range.</summary>
    /// <summary>The key a document matching <c>{ path: null }</c> has in a single-valued index (null or missing; since
    /// MongoDB 6.0 undefined does not match).</summary>
    private static readonly FieldInterval[] NullKeys = [FieldInterval.Point(BsonNull.Value)];

    /// <summary>The keys a regular expression can match: strings and symbols, and stored regular expressions.</summary>
    private static readonly FieldInterval[] RegexKeys =
    [
        new(IndexBound.StartOf(BsonTypeRank.String), IndexBound.EndOf(BsonTypeRank.String)),
        new(IndexBound.StartOf(BsonTypeRank.RegularExpression), IndexBound.EndOf(BsonTypeRank.RegularExpression)),
    ];

    internal static List<IReadOnlyList<FieldInterval>> Bounds(IndexStore index, FieldPredicates predicates)
    {
        var bounds = new List<IReadOnlyList<FieldInterval>>();
        if (!index.MaintainsEntries || index.Pattern.HasPositionalComponent) return bounds;
        foreach (var path in index.Pattern.Paths)
        {
            if (predicates.EqualityOn(path) is { } equal)
            {
                bounds.Add([FieldInterval.Point(equal)]);
                continue;
            }
            if (predicates.InOn(path) is { } values)
            {
                var points = values.Distinct(BsonValueComparer.Instance).Select(FieldInterval.Point).ToArray();
                bounds.Add(points);
                continue;
            }
            if (predicates.EqualsNull(path) && !index.IsMultikey && !index.Definition.Sparse)
            {
                bounds.Add(NullKeys);
                continue;
            }
            var ranges = predicates.RangesOn(path);
            if (ranges.Count == 0 && predicates.RangeSetOn(path) is { } rangeSet)
            {
                bounds.Add(rangeSet);
                break;
            }
            if (ranges.Count == 0 && predicates.RegexesOn(path).Count > 0)
            {
                // Only strings (and stored regular expressions) can match; the keys are tested before any fetch.
                bounds.Add(RegexKeys);
                break;
            }
            if (ranges.Count > 0)
            {
                // On a multikey index two range conditions may be met by different array elements, so only one is used.
                var interval = ranges[0];
                if (!index.IsMultikey)
                {
                    foreach (var other in ranges.Skip(1)) interval = interval.Intersect(other);
                }
                bounds.Add([interval]);
            }
            break;
        }
        return bounds;
    }

    /// <summary>Sparse indexes lack documents without the fields, partial ones lack those failing their filter.</summary>
    private static bool IsUsable(IndexStore index, FieldPredicates predicates)
    {
        if (!index.MaintainsEntries || index.Pattern.HasPositionalComponent || index.Definition.Hidden) return false;
        if (index.Definition.PartialFilterExpression is { } partial && !IsImpliedBy(partial, predicates)) return false;
        return true;
    }

    /// <summary>
    /// True when every condition of the partial filter holds for whatever the query can match: it appears verbatim
    /// among the query's conjuncts, or the query pins the field to values that satisfy it (MongoDB's subset rule:
    /// <c>{ phone: "+1555..." }</c> implies <c>{ phone: { $type: "string" } }</c> and <c>{ phone: { $exists: true } }</c>).
    /// </summary>
    private static bool IsImpliedBy(BsonDocument partialFilter, FieldPredicates predicates)
    {
        var required = FieldPredicates.From(partialFilter).Conjuncts;
        return required.All(condition =>
            predicates.Conjuncts.Any(conjunct => conjunct.Path == condition.Path && BsonValueComparer.Instance.Equals(conjunct.Condition, condition.Condition))
            || PartialConditionImplication.IsImplied(condition.Condition, PinnedValues(predicates, condition.Path)));
    }

    /// <summary>The values an equality or <c>$in</c> of the query restricts the path to; null when it is not pinned.</summary>
    private static IReadOnlyList<BsonValue>? PinnedValues(FieldPredicates predicates, string path) =>
        predicates.EqualityOn(path) is { } value ? [value] : predicates.InOn(path);

    /// <summary>Equality fields weigh most, then <c>$in</c> fields, then a range; a unique index pinned on every field wins outright.</summary>
    private static int Score(IndexStore index, List<IReadOnlyList<FieldInterval>> bounds)
    {
        var points = 0;
        var inLists = 0;
        var regexScan = false;
        foreach (var intervals in bounds)
        {
            if (ReferenceEquals(intervals, RegexKeys)) regexScan = true;
            else if (intervals.Count > 1 && intervals.All(interval => interval.IsPoint)) inLists++;
            else if (intervals[0].IsPoint) points++;
        }
        var hasRange = bounds.Count > points + inLists;
        var exactUnique = index.Definition.Unique && points == index.Pattern.Paths.Length;
        // A regular expression's bound is every string key, tested one by one: the weakest bound there is.
        if (regexScan) hasRange = bounds.Count > points + inLists + 1;
        return (exactUnique ? 10_000 : 0) + points * 100 + inLists * 60 + (hasRange ? 30 : 0) + (regexScan ? 10 : 0);
    }

    /// <summary>
    /// Null when walking the index cannot give the sort; otherwise whether to walk it backward.
    /// Fields pinned to one value may appear anywhere in the sort; the rest must follow the index order.
    /// </summary>
    private static bool? SortDirection(IndexStore index, IReadOnlyList<IReadOnlyList<FieldInterval>> bounds, List<(string Path, bool Descending)> sortFields)
    {
        if (sortFields.Count == 0 || index.IsMultikey || !index.MaintainsEntries) return null;
        var paths = index.Pattern.Paths;
        var pinned = new HashSet<string>(StringComparer.Ordinal);
        for (var field = 0; field < bounds.Count && bounds[field].Count == 1 && bounds[field][0].IsPoint; field++) pinned.Add(paths[field]);

        var remaining = sortFields.Where(sortField => !pinned.Contains(sortField.Path)).ToList();
        if (remaining.Count == 0) return false;
        var start = pinned.Count;
        // A field with several $in points breaks the order of the fields after it.
        if (start < bounds.Count && bounds[start].Count > 1) return null;
        if (start + remaining.Count > paths.Length) return null;

        bool? backward = null;
        for (var i = 0; i < remaining.Count; i++)
        {
            var field = start + i;
            if (paths[field] != remaining[i].Path) return null;
            var reversed = index.Pattern.Descending[field] != remaining[i].Descending;
            if (backward is null) backward = reversed;
            else if (backward != reversed) return null;
        }
        return backward;
    }

    /// <summary>
    /// When one field of the bounds has several <c>$in</c> points, every field before it is pinned, the fields after it
    /// are single intervals and the sort's remaining fields follow it in index order (<c>{ status: { $in: [...] } }</c>
    /// sorted by <c>nextFollowUp</c> on <c>{ status: 1, nextFollowUp: 1 }</c>): that field's position and the walk
    /// direction, for a merge of its runs (<see cref="IndexScan.RunMerged"/>). Null otherwise.
    /// </summary>
    private static (int Field, bool Backward)? MergedSort(IndexStore index, IReadOnlyList<IReadOnlyList<FieldInterval>> bounds, List<(string Path, bool Descending)> sortFields)
    {
        if (sortFields.Count == 0 || index.IsMultikey || !index.MaintainsEntries) return null;
        var paths = index.Pattern.Paths;
        var start = 0;
        while (start < bounds.Count && bounds[start].Count == 1 && bounds[start][0].IsPoint) start++;
        if (start >= bounds.Count || bounds[start].Count < 2 || !bounds[start].All(interval => interval.IsPoint)) return null;
        for (var field = start + 1; field < bounds.Count; field++)
        {
            if (bounds[field].Count != 1) return null;
        }
        var pinned = new HashSet<string>(paths.Take(start), StringComparer.Ordinal);
        var remaining = sortFields.Where(sortField => !pinned.Contains(sortField.Path)).ToList();
        if (remaining.Count == 0 || start + 1 + remaining.Count > paths.Length) return null;
        bool? backward = null;
        for (var i = 0; i < remaining.Count; i++)
        {
            var field = start + 1 + i;
            if (paths[field] != remaining[i].Path) return null;
            var reversed = index.Pattern.Descending[field] != remaining[i].Descending;
            if (backward is null) backward = reversed;
            else if (backward != reversed) return null;
        }
        return (start, backward!.Value);
    }

    private static List<(string Path, bool Descending)> ParseSort(BsonDocument? sort)
    {
        var fields = new List<(string, bool)>();
        if (sort is null) return fields;
        foreach (var element in sort)
        {
            // $meta sorts (text score) and $natural cannot come from an index.
            if (!element.Value.IsNumeric || element.Name.StartsWith('$')) return [("$unsupported", false)];
            fields.Add((element.Name, element.Value.ToDouble() < 0));
        }
        return fields;
    }

    private static bool IsEmptyHint(BsonValue hint) =>
        hint.IsBsonNull || (hint.IsString && hint.AsString.Length == 0) || (hint.IsBsonDocument && hint.AsBsonDocument.ElementCount == 0);

    private static bool IsNaturalHint(BsonValue hint, out bool backward)
    {
        backward = false;
        if (!hint.IsBsonDocument || hint.AsBsonDocument.ElementCount != 1 || hint.AsBsonDocument.GetElement(0).Name != "$natural") return false;
        var direction = hint.AsBsonDocument[0];
        backward = direction.IsNumeric && direction.ToDouble() < 0;
        return true;
    }

    private static IndexStore FindHinted(CollectionStore collection, BsonValue hint)
    {
        var index = hint.BsonType switch
        {
            BsonType.String => collection.FindIndex(hint.AsString),
            BsonType.Document => collection.FindIndexByKeyPattern(hint.AsBsonDocument),
            _ => throw MongoError.BadValue("hint must be a string or an object"),
        };
        // A hidden index cannot be hinted either.
        return index is { Definition.Hidden: false } ? index : throw MongoError.BadValue("hint provided does not correspond to an existing index");
    }

    /// <summary>Bounds first; with the same bounds, the index that gives the sort (no blocking sort), then the shorter one.</summary>
    private sealed record IndexChoice(IndexStore Index, List<IReadOnlyList<FieldInterval>> Bounds, int Score, bool ProvidesSort)
    {
        public bool IsBetterThan(IndexChoice other) =>
            Score != other.Score ? Score > other.Score
            : ProvidesSort != other.ProvidesSort ? ProvidesSort
            : Index.Pattern.Paths.Length < other.Index.Pattern.Paths.Length;
    }
}
