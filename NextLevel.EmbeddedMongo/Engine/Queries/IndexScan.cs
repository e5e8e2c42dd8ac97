using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Indexes;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>
/// Reads the documents an index plan points to: walks the index entries inside the intervals of its first
/// field and fetches each record once (a multikey index lists a document under several keys).
/// The result is a superset of the matches; the full filter runs on every candidate afterwards.
/// Call under the storage lock.
/// </summary>
internal static class IndexScan
{
    public static List<StoredDocument> Candidates(CollectionStore collection, QueryPlan plan)
    {
        if (plan.IndexStore is not { } index) return [.. collection.Scan()];

        var seen = new HashSet<long>();
        var documents = new List<StoredDocument>();
        var descending = index.Comparer.IsDescending(0);
        foreach (var interval in plan.LeadingIntervals)
        {
            foreach (var entry in Walk(index, interval, descending))
            {
                if (!seen.Add(entry.RecordId)) continue;
                if (collection.Get(new RecordId(entry.RecordId)) is { } document) documents.Add(document);
            }
        }
        return documents;
    }

    /// <summary>The entries whose first key field lies in <paramref name="interval"/>, in index order.</summary>
    private static IEnumerable<IndexEntry> Walk(IndexStore index, KeyInterval interval, bool descending)
    {
        var comparer = BsonValueComparer.Instance;
        // In a descending index larger values come first, so the walk starts at the interval's high end.
        var (start, startInclusive, end, endInclusive) = descending
            ? (interval.High, interval.HighInclusive, interval.Low, interval.LowInclusive)
            : (interval.Low, interval.LowInclusive, interval.High, interval.HighInclusive);
        var direction = descending ? -1 : 1;

        int Seek(IndexEntry entry)
        {
            var relative = direction * comparer.Compare(entry.ValueAt(0), start);
            return relative < 0 || (relative == 0 && !startInclusive) ? -1 : 0;
        }

        foreach (var entry in index.Entries.WalkForward(Seek))
        {
            var relative = direction * comparer.Compare(entry.ValueAt(0), end);
            if (relative > 0 || (relative == 0 && !endInclusive)) yield break;
            yield return entry;
        }
    }
}
