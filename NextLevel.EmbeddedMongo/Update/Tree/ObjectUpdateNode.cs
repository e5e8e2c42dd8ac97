using NextLevel.EmbeddedMongo.Update.Paths;

namespace NextLevel.EmbeddedMongo.Update.Tree;

/// <summary>Updates fields (or array indexes) of the value at its position; the positional <c>$</c> child resolves
/// to the index the query matched.</summary>
internal sealed class ObjectUpdateNode : UpdateInternalNode
{
    public override void Apply(ApplyState state, NodeTarget target)
    {
        var children = Children.AsEnumerable();
        if (Children.TryGetValue("$", out var positional))
        {
            var matched = state.MatchedIndex;
            var resolved = new SortedDictionary<string, UpdateNode>(StringComparer.Ordinal);
            foreach (var (key, child) in Children)
            {
                if (key != "$") resolved[key] = child;
            }
            var path = string.Join('.', target.Taken.Concat(target.ToCreate).Append(matched));
            resolved[matched] = resolved.TryGetValue(matched, out var same) ? Merge(same, positional, path) : positional;
            children = resolved;
        }

        var current = target;
        foreach (var (key, child) in children)
        {
            // An earlier child may have created part of this node's own path (e.g. 'a' for 'a.b' before 'a.c').
            current = current.Refresh();
            child.Apply(state, current.Descend(key));
        }
    }

    public static bool IsArrayComponent(string part) =>
        UpdatePath.KindOf(part) is PathComponentKind.AllElements or PathComponentKind.FilteredElements;
}
