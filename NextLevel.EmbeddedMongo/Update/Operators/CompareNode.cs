using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary><c>$min</c> and <c>$max</c>: replaces the value when the operand sorts below (min) or above (max) it,
/// in MongoDB's cross-type order.</summary>
internal sealed class CompareNode(BsonValue operand, bool keepMaximum) : ModifierNode
{
    protected override ModifyResult Modify(BsonValue existing, LeafPosition position)
    {
        var comparison = BsonValueComparer.Instance.Compare(operand, existing);
        var replace = keepMaximum ? comparison > 0 : comparison < 0;
        return replace ? ModifyResult.Replace(operand.DeepClone()) : ModifyResult.NoOp;
    }

    protected override BsonValue ValueForMissing(LeafPosition position) => operand.DeepClone();
}
