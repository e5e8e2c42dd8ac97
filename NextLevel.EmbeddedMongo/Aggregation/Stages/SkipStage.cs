using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>$skip: drops the first n documents.</summary>
internal sealed class SkipStage(long count) : Stage
{
    public long Count { get; } = count;

    public override string Name => "$skip";

    public static Stage Parse(BsonValue spec)
    {
        if (!Numeric.IsNumber(spec)) throw MongoError.Location(15972, "Argument to $skip must be a number");
        if (!Numeric.TryGetLong(spec, out var count))
            throw MongoError.Location(5107200, $"invalid argument to $skip stage: Cannot represent as a 64-bit integer: $skip: {spec}");
        if (count < 0)
            throw MongoError.Location(5107200, $"invalid argument to $skip stage: Expected a non-negative number in: $skip: {count}");
        return new SkipStage(count);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        long seen = 0;
        foreach (var document in input)
        {
            if (seen++ >= Count) yield return document;
        }
    }
}
