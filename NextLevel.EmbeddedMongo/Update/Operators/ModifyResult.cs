using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary>What an operator does to an existing value: nothing, replace it, or remove it.</summary>
internal readonly record struct ModifyResult(ModifyKind Kind, BsonValue? Value)
{
    public static ModifyResult NoOp => new(ModifyKind.NoOp, null);

    public static ModifyResult Removed => new(ModifyKind.Remove, null);

    public static ModifyResult Replace(BsonValue value) => new(ModifyKind.Replace, value);

    /// <summary>A replacement that leaves the value byte-for-byte as it was is a no-op (and may touch _id).</summary>
    public static ModifyResult ReplaceUnlessIdentical(BsonValue existing, BsonValue value) =>
        Values.BsonIdentity.AreIdentical(existing, value) ? NoOp : Replace(value);
}

internal enum ModifyKind
{
    NoOp,
    Replace,
    Remove,
}
