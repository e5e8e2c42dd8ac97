using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Indexes;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Planner;

/// <summary>
/// Walks an index over per-field intervals. Bounds constrain a prefix of the key: every field but the last is a
/// set of points, the last may be a range. Each combination of intervals is one contiguous run of the index:
/// seek to its start (O(log n)), read until past its end, so the cost is O(log n + entries in range).
/// </summary>
internal static class IndexScan
{
    public static IEnumerable<StoredDocument> Run(QueryPlan plan, CollectionStore collection, IndexStore index, IReadOnlyList<IReadOnlyList<FieldInterval>> bounds, bool backward,
        Query.Predicates.RegexTest[][]? keyTests = null)
    {
        var dedupe = index.IsMultikey || HasSeveralIntervals(bounds) ? new HashSet<long>() : null;
        foreach (var combination in Combinations(bounds, index.Pattern.Descending, backward))
        {
            // A whole key of a unique index: one hash probe when the index can answer it (see UniqueKeyHolders).
            if (WholeKey(index, combination) is { } key && index.TryFindUniqueHolder(key, out var holder))
            {
                if (holder is not { } recordId) continue;
                plan.KeysExamined++;
                if (dedupe is not null && !dedupe.Add(recordId)) continue;
                var found = collection.Get(recordId);
                if (found is null) continue;
                plan.DocsExamined++;
                yield return found;
                continue;
            }
            foreach (var entry in WalkRun(index, combination, backward))
            {
                plan.KeysExamined++;
                if (!InsideAll(entry, combination) || !PassesKeyTests(entry, keyTests)) continue;
                if (dedupe is not null && !dedupe.Add(entry.RecordId)) continue;
                var stored = collection.Get(entry.RecordId);
                if (stored is null) continue;
                plan.DocsExamined++;
                yield return stored;
            }
        }
    }

    /// <summary>
    /// MongoDB's SORT_MERGE: the field at <paramref name="mergeField"/> has several points and the fields after it
    /// are in the sort's order, so each point's run is already sorted; the runs are merged (in the walk direction,
    /// record id breaking ties) instead of read whole and sorted. A limit then reads about limit × points entries.
    /// </summary>
    public static IEnumerable<StoredDocument> RunMerged(QueryPlan plan, CollectionStore collection, IndexStore index,
        IReadOnlyList<IReadOnlyList<FieldInterval>> bounds, int mergeField, bool backward)
    {
        var descending = index.Pattern.Descending;
        var order = Comparer<IndexEntry>.Create((x, y) =>
        {
            for (var field = mergeField + 1; field < descending.Length; field++)
            {
                var byValue = Bson.BsonValueComparer.Instance.Compare(x.ValueAt(field), y.ValueAt(field));
                if (byValue != 0) return descending[field] ^ backward ? -byValue : byValue;
            }
            return backward ? y.RecordId.CompareTo(x.RecordId) : x.RecordId.CompareTo(y.RecordId);
        });
        var heads = new PriorityQueue<IEnumerator<IndexEntry>, IndexEntry>(bounds[mergeField].Count, order);
        try
        {
            foreach (var point in bounds[mergeField])
            {
                var run = new FieldInterval[bounds.Count];
                for (var field = 0; field < run.Length; field++) run[field] = field == mergeField ? point : bounds[field][0];
                var entries = WalkRun(index, run, backward).Where(entry => InsideAll(entry, run)).GetEnumerator();
                if (entries.MoveNext()) heads.Enqueue(entries, entries.Current);
                else entries.Dispose();
            }
            while (heads.TryDequeue(out var entries, out var entry))
            {
                plan.KeysExamined++;
                if (entries.MoveNext()) heads.Enqueue(entries, entries.Current);
                else entries.Dispose();
                var stored = collection.Get(entry.RecordId);
                if (stored is null) continue;
                plan.DocsExamined++;
                yield return stored;
            }
        }
        finally
        {
            while (heads.TryDequeue(out var entries, out _)) entries.Dispose();
        }
    }

    /// <summary>The entries inside the bounds, counted from the keys alone (no document is read).</summary>
    public static long CountEntries(IndexStore index, IReadOnlyList<IReadOnlyList<FieldInterval>> bounds)
    {
        long count = 0;
        foreach (var _ in Entries(index, bounds)) count++;
        return count;
    }

    /// <summary>The entries inside the bounds, in index order (keys only: no document is read).</summary>
    public static IEnumerable<IndexEntry> Entries(IndexStore index, IReadOnlyList<IReadOnlyList<FieldInterval>> bounds)
    {
        foreach (var combination in Combinations(bounds, index.Pattern.Descending, backward: false))
        {
            foreach (var entry in WalkRun(index, combination, backward: false))
            {
                if (InsideAll(entry, combination)) yield return entry;
            }
        }
    }

    /// <summary>True when the bounds hold at least <paramref name="count"/> entries; reads keys only, and stops there.</summary>
    public static bool CountAtLeast(IndexStore index, IReadOnlyList<IReadOnlyList<FieldInterval>> bounds, long count, Query.Predicates.RegexTest[][]? keyTests = null)
    {
        long seen = 0;
        foreach (var combination in Combinations(bounds, index.Pattern.Descending, backward: false))
        {
            foreach (var entry in WalkRun(index, combination, backward: false))
            {
                if (InsideAll(entry, combination) && PassesKeyTests(entry, keyTests) && ++seen >= count) return true;
            }
        }
        return false;
    }

    /// <summary>Walks the whole index (a hint or a sort without usable bounds).</summary>
    public static IEnumerable<StoredDocument> Full(QueryPlan plan, CollectionStore collection, IndexStore index, bool backward)
    {
        var dedupe = index.IsMultikey ? new HashSet<long>() : null;
        foreach (var entry in index.Entries.WalkAll(!backward))
        {
            plan.KeysExamined++;
            if (dedupe is not null && !dedupe.Add(entry.RecordId)) continue;
            var stored = collection.Get(entry.RecordId);
            if (stored is null) continue;
            plan.DocsExamined++;
            yield return stored;
        }
    }

    private static IEnumerable<IndexEntry> WalkRun(IndexStore index, FieldInterval[] run, bool backward)
    {
        var descending = index.Pattern.Descending;
        return backward
            ? index.Entries.WalkBackward(entry => PastOrAtEnd(entry, run, descending))
                .TakeWhile(entry => !BeforeStart(entry, run, descending))
            : index.Entries.WalkForward(entry => BeforeStart(entry, run, descending) ? -1 : 0)
                .TakeWhile(entry => CompareToEnd(entry, run, descending) <= 0);
    }

    /// <summary>Backward seek: entries not past the end are "at or before" the target (&lt;= 0).</summary>
    private static int PastOrAtEnd(IndexEntry entry, FieldInterval[] run, bool[] descending) =>
        CompareToEnd(entry, run, descending) > 0 ? 1 : 0;

    private static bool BeforeStart(IndexEntry entry, FieldInterval[] run, bool[] descending)
    {
        for (var field = 0; field < run.Length; field++)
        {
            var position = run[field].CompareToStart(entry.ValueAt(field), descending[field]);
            if (position != 0) return position < 0;
        }
        return false;
    }

    /// <summary>Lexicographic position of the entry against the run's end: &gt; 0 means past it.</summary>
    private static int CompareToEnd(IndexEntry entry, FieldInterval[] run, bool[] descending)
    {
        for (var field = 0; field < run.Length; field++)
        {
            var position = run[field].CompareToEnd(entry.ValueAt(field), descending[field]);
            if (position != 0) return position;
        }
        return 0;
    }

    /// <summary>The key meets every regular expression of its fields (tested on the key: no document is fetched for a miss).</summary>
    private static bool PassesKeyTests(IndexEntry entry, Query.Predicates.RegexTest[][]? keyTests)
    {
        if (keyTests is null) return true;
        for (var field = 0; field < keyTests.Length; field++)
        {
            if (keyTests[field] is not { } tests) continue;
            var value = entry.ValueAt(field);
            foreach (var test in tests)
            {
                var position = -1;
                if (!test.Test(value, ref position)) return false;
            }
        }
        return true;
    }

    private static bool InsideAll(IndexEntry entry, FieldInterval[] run)
    {
        for (var field = 0; field < run.Length; field++)
        {
            if (!run[field].Contains(entry.ValueAt(field))) return false;
        }
        return true;
    }

    /// <summary>The key a run pins completely (a point on every field of the index), or null.</summary>
    private static object? WholeKey(IndexStore index, FieldInterval[] run)
    {
        if (run.Length != index.Pattern.Paths.Length) return null;
        foreach (var interval in run)
        {
            if (!interval.IsPoint) return null;
        }
        if (run.Length == 1) return run[0].Low.Value;
        var values = new BsonValue[run.Length];
        for (var field = 0; field < run.Length; field++) values[field] = run[field].Low.Value!;
        return values;
    }

    private static bool HasSeveralIntervals(IReadOnlyList<IReadOnlyList<FieldInterval>> bounds)
    {
        for (var field = 0; field < bounds.Count; field++)
        {
            if (bounds[field].Count > 1) return true;
        }
        return false;
    }

    /// <summary>Every choice of one interval per field, in the order the walk direction visits them.</summary>
    private static IEnumerable<FieldInterval[]> Combinations(IReadOnlyList<IReadOnlyList<FieldInterval>> bounds, bool[] descending, bool backward)
    {
        // One interval per field (equality lookups, the common case): a single run, nothing to order.
        if (!HasSeveralIntervals(bounds))
        {
            var run = new FieldInterval[bounds.Count];
            for (var field = 0; field < run.Length; field++) run[field] = bounds[field][0];
            return [run];
        }

        var ordered = bounds.Select((intervals, field) =>
        {
            // Points are sorted by value; a descending field or a backward walk visits them in reverse.
            var sorted = intervals.OrderBy(interval => interval.Low.Value, Bson.BsonValueComparer.Instance).ToArray();
            return descending[field] ^ backward ? sorted.Reverse().ToArray() : sorted;
        }).ToArray();
        var current = new FieldInterval[ordered.Length];
        return Expand(0);

        IEnumerable<FieldInterval[]> Expand(int field)
        {
            if (field == ordered.Length)
            {
                yield return (FieldInterval[])current.Clone();
                yield break;
            }
            foreach (var interval in ordered[field])
            {
                current[field] = interval;
                foreach (var combination in Expand(field + 1)) yield return combination;
            }
        }
    }
}
