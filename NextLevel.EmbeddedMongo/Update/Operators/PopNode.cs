using NextLevel.EmbeddedMongo.Bson;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Values;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary><c>$pop</c>: removes the last (1) or first (-1) array element.</summary>
internal sealed class PopNode : ModifierNode
{
    private readonly bool _fromFront;

    private PopNode(bool fromFront) => _fromFront = fromFront;

    public static PopNode Create(string path, BsonValue argument)
    {
        if (!Bson.BsonTypeOrder.IsNumeric(argument)) throw MongoError.FailedToParse($"Expected a number in: {BsonDisplay.Element(path, argument)}");
        var d = argument.ToDouble();
        if (Math.Floor(d) != d) throw MongoError.FailedToParse($"Expected an integer: {BsonDisplay.Element(path, argument)}");
        if (d is not (1 or -1)) throw MongoError.FailedToParse($"$pop expects 1 or -1, found: {(long)d}");
        return new PopNode(fromFront: d < 0);
    }

    protected override ModifyResult Modify(BsonValue existing, LeafPosition position)
    {
        if (existing is not BsonArray array)
        {
            throw MongoError.TypeMismatch($"Path '{position.FullPath}' contains an element of non-array type '{BsonTypeNames.Of(existing)}'");
        }
        if (array.Count == 0) return ModifyResult.NoOp;
        var kept = _fromFront ? array.Skip(1) : array.Take(array.Count - 1);
        return ModifyResult.Replace(new BsonArray(kept.Select(e => e.DeepClone())));
    }

    protected override BsonValue? ValueForMissing(LeafPosition position) => null;
}
