using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Update.Tree;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary>
/// A leaf of the update tree: one operator applied to one path. Subclasses say how an existing value changes
/// and which value a missing path receives; this class handles creating paths and guarding _id.
/// </summary>
internal abstract class ModifierNode : UpdateNode
{
    /// <summary>True when a missing path that could never be created is silently ignored ($unset).</summary>
    protected virtual bool IgnoresNonViablePath => false;

    /// <summary>True for $setOnInsert: applies only when an upsert inserts.</summary>
    protected virtual bool InsertOnly => false;

    public sealed override void Apply(ApplyState state, NodeTarget target)
    {
        if (InsertOnly && !state.IsInsert) return;
        if (target.Exists) ApplyToExisting(state, target);
        else ApplyToMissing(state, target);
    }

    protected virtual void ApplyToExisting(ApplyState state, NodeTarget target)
    {
        var result = Modify(target.Element, new LeafPosition(state, target));
        if (result.Kind == ModifyKind.NoOp) return;
        state.EnsureMutable(target.FullPath);
        if (result.Kind == ModifyKind.Remove) target.Slot!.Remove();
        else target.Slot!.Set(result.Value!);
    }

    protected virtual void ApplyToMissing(ApplyState state, NodeTarget target)
    {
        var value = ValueForMissing(new LeafPosition(state, target));
        if (value is null)
        {
            if (!IgnoresNonViablePath) PathCreation.EnsureViable(target);
            return;
        }
        state.EnsureMutable(target.FullPath);
        StorageRules.EnsureStorableTopLevelName(target);
        PathCreation.Create(target, value);
    }

    /// <summary>The change to an existing value.</summary>
    protected abstract ModifyResult Modify(BsonValue existing, LeafPosition position);

    /// <summary>The value a missing path receives, or null for operators that do nothing on a missing path
    /// ($unset, $pull, $pop, ...).</summary>
    protected abstract BsonValue? ValueForMissing(LeafPosition position);
}

/// <summary>Where a leaf operator is applied, for its error messages.</summary>
internal readonly record struct LeafPosition(ApplyState State, NodeTarget Target)
{
    /// <summary>The name of the field the operator targets (last path component).</summary>
    public string FieldName => Target.ToCreate.Count > 0 ? Target.ToCreate[^1] : Target.ElementName;

    public string FullPath => Target.FullPath;
}
