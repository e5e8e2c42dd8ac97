using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// Splits a stream into partitions by an expression (ordered by partition key) and sorts each partition stably,
/// as $setWindowFields and $fill see their input.
/// </summary>
internal static class Partitioner
{
    public static IEnumerable<List<BsonDocument>> Partition(IEnumerable<BsonDocument> input, Expr? partitionBy, SortSpec? sortBy, ExprContext context)
    {
        var partitions = new Dictionary<BsonValue, List<BsonDocument>>(BsonValueComparer.Instance!);
        foreach (var document in input)
        {
            context.Reset(document);
            var key = partitionBy?.Evaluate(context) ?? BsonNull.Value;
            if (!partitions.TryGetValue(key, out var members)) partitions[key] = members = [];
            members.Add(document);
        }
        foreach (var key in partitions.Keys.OrderBy(k => k, BsonValueComparer.Instance))
        {
            var members = partitions[key];
            if (sortBy is null)
            {
                yield return members;
                continue;
            }
            var keys = members.Select(d => sortBy.ExtractKey(d)).ToList();
            var order = Enumerable.Range(0, members.Count).ToList();
            order.Sort((x, y) => sortBy.CompareKeys(keys[x], keys[y]) is var c and not 0 ? c : x.CompareTo(y));
            yield return order.Select(i => members[i]).ToList();
        }
    }
}
