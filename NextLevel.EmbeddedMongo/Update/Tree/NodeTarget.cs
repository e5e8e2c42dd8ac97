using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Update.Tree;

/// <summary>
/// The position an update node applies at: the deepest existing value along its path (<see cref="Element"/>,
/// stored at <see cref="Slot"/>), the components that led there (<see cref="Taken"/>) and the components that
/// do not exist yet (<see cref="ToCreate"/>). When ToCreate is empty the node's own value exists and is Element.
/// </summary>
internal sealed record NodeTarget(BsonValue Element, ValueSlot? Slot, IReadOnlyList<string> Taken, IReadOnlyList<string> ToCreate)
{
    public static NodeTarget Root(BsonDocument document) => new(document, null, [], []);

    public bool Exists => ToCreate.Count == 0;

    public string FullPath => string.Join('.', Taken.Concat(ToCreate));

    /// <summary>The name the deepest existing value has in its parent ("" for the document itself).</summary>
    public string ElementName => Taken.Count == 0 ? string.Empty : Taken[^1];

    /// <summary>The position of child <paramref name="name"/>: existing when Element has it, otherwise to be created.</summary>
    public NodeTarget Descend(string name)
    {
        if (ToCreate.Count > 0) return this with { ToCreate = [.. ToCreate, name] };
        if (Element is BsonDocument document && document.TryGetValue(name, out var value))
        {
            return new NodeTarget(value, new ValueSlot(document, name), [.. Taken, name], []);
        }
        if (Element is BsonArray array && Paths.UpdatePath.TryParseIndex(name, out var index) && index < array.Count)
        {
            return new NodeTarget(array[index], new ValueSlot(array, name), [.. Taken, name], []);
        }
        return this with { ToCreate = [name] };
    }

    /// <summary>Moves along <see cref="ToCreate"/> as far as an earlier sibling node has created it meanwhile.</summary>
    public NodeTarget Refresh()
    {
        var current = this with { ToCreate = [] };
        for (var i = 0; i < ToCreate.Count; i++)
        {
            var next = current.Descend(ToCreate[i]);
            if (!next.Exists) return current with { ToCreate = ToCreate.Skip(i).ToArray() };
            current = next;
        }
        return current;
    }
}
