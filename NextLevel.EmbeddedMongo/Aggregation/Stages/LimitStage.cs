using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>$limit: passes the first n documents and stops reading its input.</summary>
internal sealed class LimitStage(long count) : Stage
{
    public long Count { get; } = count;

    public override string Name => "$limit";

    public static Stage Parse(BsonValue spec)
    {
        if (!Numeric.IsNumber(spec)) throw MongoError.Location(15957, "the limit must be specified as a number");
        if (!Numeric.TryGetLong(spec, out var count))
            throw MongoError.Location(5107201, $"invalid argument to $limit stage: Cannot represent as a 64-bit integer: $limit: {spec}");
        if (count <= 0) throw MongoError.Location(15958, "the limit must be positive");
        return new LimitStage(count);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        if (Count <= 0) yield break;
        long passed = 0;
        foreach (var document in input)
        {
            yield return document;
            if (++passed >= Count) yield break;
        }
    }
}
