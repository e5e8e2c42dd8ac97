using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $sort: a stable sort on keys extracted once per document. Followed by $limit (see <see cref="WithLimit"/>),
/// it keeps only the best <c>limit</c> documents in a bounded heap instead of sorting the whole input.
/// </summary>
internal sealed class SortStage : Stage
{
    private readonly SortSpec _spec;
    private readonly long? _limit;

    private SortStage(SortSpec spec, long? limit)
    {
        _spec = spec;
        _limit = limit;
    }

    public override string Name => "$sort";

    public static Stage Parse(BsonValue spec)
    {
        if (spec is not BsonDocument document) throw MongoError.Location(15973, "the $sort key specification must be an object");
        if (document.ElementCount == 0) throw MongoError.Location(15976, "$sort stage must have at least one sort key");
        return new SortStage(SortSpec.Parse(document), null);
    }

    public SortStage WithLimit(long limit) => new(_spec, _limit is null ? limit : Math.Min(limit, _limit.Value));

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var metadata = runtime.Metadata;
        Func<BsonDocument, BsonValue[]> keyOf = _spec.HasTextScore
            ? document => _spec.ExtractKey(document, metadata.TextScoreOf(document))
            : document => _spec.ExtractKey(document);
        return _limit is { } limit && limit <= 100_000 ? TopK(input, (int)limit, keyOf) : SortAll(input, keyOf);
    }

    private sealed record Keyed(BsonValue[] Key, long Sequence, BsonDocument Document);

    private int CompareKeyed(Keyed x, Keyed y)
    {
        var byKey = _spec.CompareKeys(x.Key, y.Key);
        return byKey != 0 ? byKey : x.Sequence.CompareTo(y.Sequence);
    }

    private IEnumerable<BsonDocument> SortAll(IEnumerable<BsonDocument> input, Func<BsonDocument, BsonValue[]> keyOf)
    {
        var items = new List<Keyed>();
        long sequence = 0;
        foreach (var document in input) items.Add(new Keyed(keyOf(document), sequence++, document));
        items.Sort(CompareKeyed);
        foreach (var item in items) yield return item.Document;
    }

    private IEnumerable<BsonDocument> TopK(IEnumerable<BsonDocument> input, int limit, Func<BsonDocument, BsonValue[]> keyOf)
    {
        // The heap's head is the worst of the kept documents, so each newcomer is compared against it once.
        var worstFirst = Comparer<Keyed>.Create((x, y) => CompareKeyed(y, x));
        var heap = new PriorityQueue<Keyed, Keyed>(limit + 1, worstFirst);
        long sequence = 0;
        foreach (var document in input)
        {
            var item = new Keyed(keyOf(document), sequence++, document);
            if (heap.Count < limit)
            {
                heap.Enqueue(item, item);
            }
            else if (CompareKeyed(item, heap.Peek()) < 0)
            {
                heap.DequeueEnqueue(item, item);
            }
        }
        var kept = new List<Keyed>(heap.Count);
        while (heap.Count > 0) kept.Add(heap.Dequeue());
        kept.Reverse();
        foreach (var item in kept) yield return item.Document;
    }
}
