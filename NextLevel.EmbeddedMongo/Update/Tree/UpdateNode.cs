namespace NextLevel.EmbeddedMongo.Update.Tree;

/// <summary>
/// A node of the update tree. Operator paths are merged into one tree (as the server does), which detects
/// conflicting paths at parse time and applies updates in field-name order, so new fields appear sorted.
/// Nodes are immutable after parsing and may be applied concurrently.
/// </summary>
internal abstract class UpdateNode
{
    public abstract void Apply(ApplyState state, NodeTarget target);
}
