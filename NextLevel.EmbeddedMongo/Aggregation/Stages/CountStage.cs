using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>$count: one document { name: n }, or nothing when the input is empty.</summary>
internal sealed class CountStage(string field) : Stage
{
    public override string Name => "$count";

    public static Stage Parse(BsonValue spec)
    {
        if (spec is not BsonString s) throw MongoError.Location(40156, "the count field must be a non-empty string");
        var field = s.Value;
        if (field.Length == 0) throw MongoError.Location(40157, "the count field must be a non-empty string");
        if (field[0] == '$') throw MongoError.Location(40158, "the count field cannot be a $-prefixed path");
        if (field.Contains('\0', StringComparison.Ordinal)) throw MongoError.Location(40159, "the count field cannot contain a null byte");
        if (field.Contains('.', StringComparison.Ordinal)) throw MongoError.Location(40160, "the count field cannot contain '.'");
        return new CountStage(field);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        long count = 0;
        foreach (var _ in input) count++;
        if (count > 0) yield return new BsonDocument(field, count <= int.MaxValue ? new BsonInt32((int)count) : new BsonInt64(count));
    }
}
