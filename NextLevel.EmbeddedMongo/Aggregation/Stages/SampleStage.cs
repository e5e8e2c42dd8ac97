using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>$sample { size }: a uniform random subset (reservoir sampling), in random order.</summary>
internal sealed class SampleStage(long size) : Stage
{
    public override string Name => "$sample";

    public static Stage Parse(BsonValue spec)
    {
        if (spec is not BsonDocument document) throw MongoError.Location(28745, "the $sample stage specification must be an object");
        long? size = null;
        foreach (var element in document)
        {
            if (element.Name != "size") throw MongoError.Location(28748, $"unrecognized option to $sample: {element.Name}");
            if (!Numeric.TryGetLong(element.Value, out var n)) throw MongoError.Location(28746, "size argument to $sample must be a number");
            if (n < 0) throw MongoError.Location(28747, "size argument to $sample must not be negative");
            size = n;
        }
        return new SampleStage(size ?? throw MongoError.Location(28749, "$sample stage must specify a size"));
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var reservoir = new List<BsonDocument>();
        long seen = 0;
        foreach (var document in input)
        {
            seen++;
            if (reservoir.Count < size)
            {
                reservoir.Add(document);
                continue;
            }
            var slot = Random.Shared.NextInt64(seen);
            if (slot < size) reservoir[(int)slot] = document;
        }
        var shuffled = reservoir.ToArray();
        Random.Shared.Shuffle(shuffled);
        return shuffled;
    }
}
