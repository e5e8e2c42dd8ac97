using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Update.Tree;

/// <summary>A node with children keyed by path component; children apply in ordinal order of their keys.</summary>
internal abstract class UpdateInternalNode : UpdateNode
{
    protected SortedDictionary<string, UpdateNode> Children { get; } = new(StringComparer.Ordinal);

    public UpdateNode? GetChild(string key) => Children.GetValueOrDefault(key);

    public void SetChild(string key, UpdateNode child) => Children.Add(key, child);

    /// <summary>Combines two nodes that address the same value at run time (a positional <c>$</c> and the index it
    /// resolves to, or two array filters matching one element). Two operators on one value conflict.</summary>
    public static UpdateNode Merge(UpdateNode left, UpdateNode right, string path)
    {
        UpdateInternalNode merged = (left, right) switch
        {
            (ObjectUpdateNode, ObjectUpdateNode) => new ObjectUpdateNode(),
            (ArrayUpdateNode, ArrayUpdateNode) => new ArrayUpdateNode(),
            _ => throw new MongoError(ErrorCode.ConflictingUpdateOperators, $"Update created a conflict at '{path}'"),
        };
        var l = (UpdateInternalNode)left;
        var r = (UpdateInternalNode)right;
        foreach (var (key, child) in l.Children) merged.Children.Add(key, child);
        foreach (var (key, child) in r.Children)
        {
            merged.Children[key] = merged.Children.TryGetValue(key, out var existing) ? Merge(existing, child, path + "." + key) : child;
        }
        return merged;
    }
}
