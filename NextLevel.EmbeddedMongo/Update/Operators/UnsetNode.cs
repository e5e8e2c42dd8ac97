using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary><c>$unset</c>: removes a field; an array element becomes null instead (array positions are kept).</summary>
internal sealed class UnsetNode : ModifierNode
{
    protected override bool IgnoresNonViablePath => true;

    protected override ModifyResult Modify(BsonValue existing, LeafPosition position) =>
        position.Target.Slot!.Container is BsonArray ? ModifyResult.ReplaceUnlessIdentical(existing, BsonNull.Value) : ModifyResult.Removed;

    protected override BsonValue? ValueForMissing(LeafPosition position) => null;
}
