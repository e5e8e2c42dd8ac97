using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary><c>$set</c> and <c>$setOnInsert</c>: puts a value at the path, keeping an existing field's position.</summary>
internal sealed class SetNode(BsonValue value, bool insertOnly) : ModifierNode
{
    protected override bool InsertOnly => insertOnly;

    protected override ModifyResult Modify(BsonValue existing, LeafPosition position) =>
        ModifyResult.ReplaceUnlessIdentical(existing, value.DeepClone());

    protected override BsonValue ValueForMissing(LeafPosition position) => value.DeepClone();
}
