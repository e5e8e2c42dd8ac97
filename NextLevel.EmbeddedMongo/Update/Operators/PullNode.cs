using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary><c>$pull</c> (elements matching a value or condition) and <c>$pullAll</c> (elements equal to any listed value).</summary>
internal sealed class PullNode : ModifierNode
{
    private readonly Func<BsonValue, bool> _removes;

    private PullNode(Func<BsonValue, bool> removes) => _removes = removes;

    public static PullNode Pull(BsonValue argument) => new(PullCondition.Parse(argument).Removes);

    public static PullNode PullAll(BsonValue argument)
    {
        if (argument is not BsonArray values)
        {
            throw MongoError.BadValue($"$pullAll requires an array argument but was given a {Bson.BsonTypeNames.Of(argument)}");
        }
        var list = values.ToArray();
        return new PullNode(element => list.Any(v => BsonValueComparer.Instance.Equals(element, v)));
    }

    protected override ModifyResult Modify(BsonValue existing, LeafPosition position)
    {
        if (existing is not BsonArray array) throw MongoError.BadValue("Cannot apply $pull to a non-array value");
        var kept = array.Where(e => !_removes(e)).ToList();
        return kept.Count == array.Count ? ModifyResult.NoOp : ModifyResult.Replace(new BsonArray(kept.Select(e => e.DeepClone())));
    }

    protected override BsonValue? ValueForMissing(LeafPosition position) => null;
}
