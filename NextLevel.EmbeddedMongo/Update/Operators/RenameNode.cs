using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Paths;
using NextLevel.EmbeddedMongo.Update.Tree;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary>
/// <c>$rename</c>, placed in the tree at the destination path (a <see cref="ConflictPlaceholderNode"/> holds the
/// source path, so other operators on either path conflict). Moves the source value to the destination, keeping the
/// destination's position when it exists; a missing source makes it a no-op. Neither path may cross an array.
/// </summary>
internal sealed class RenameNode : UpdateNode
{
    private readonly UpdatePath _from;
    private readonly UpdatePath _to;

    private RenameNode(UpdatePath from, UpdatePath to)
    {
        _from = from;
        _to = to;
    }

    public static RenameNode Create(UpdatePath from, UpdatePath to)
    {
        if (from.IsDynamic) throw MongoError.BadValue($"The source field for $rename may not be dynamic: {from}");
        if (to.IsDynamic) throw MongoError.BadValue($"The destination field for $rename may not be dynamic: {to}");
        if (from.Dotted == to.Dotted) throw MongoError.BadValue($"The source and target field for $rename must differ: {from}: \"{to}\"");
        if (UpdatePath.OnSamePath(from, to))
        {
            throw MongoError.BadValue($"The source and target field for $rename must not be on the same path: {from}: \"{to}\"");
        }
        return new RenameNode(from, to);
    }

    public override void Apply(ApplyState state, NodeTarget target)
    {
        var source = FindSource(state);
        if (source is null) return;

        EnsureNotInArray(state, target.Taken.Take(target.Exists ? target.Taken.Count - 1 : target.Taken.Count), "destination", _to);
        if (!target.Exists && target.Element is BsonArray) ThrowInArray(state, "destination", _to, target.ElementName);

        state.EnsureMutable(_from.Dotted);
        state.EnsureMutable(_to.Dotted);
        var value = source.Container.AsBsonDocument[source.Key];
        if (target.Exists)
        {
            target.Slot!.Set(value);
        }
        else
        {
            StorageRules.EnsureStorableTopLevelName(target);
            PathCreation.Create(target, value);
        }
        source.Remove();
    }

    /// <summary>The source field's slot, or null when the source does not exist.</summary>
    private ValueSlot? FindSource(ApplyState state)
    {
        var current = NodeTarget.Root(state.Root);
        foreach (var part in _from.Parts)
        {
            current = current.Descend(part);
            if (!current.Exists) return null;
        }
        EnsureNotInArray(state, current.Taken.Take(current.Taken.Count - 1), "source", _from);
        return current.Slot;
    }

    /// <summary>Throws when any value along <paramref name="ancestors"/> (a path from the root) is an array.</summary>
    private static void EnsureNotInArray(ApplyState state, IEnumerable<string> ancestors, string role, UpdatePath path)
    {
        BsonValue current = state.Root;
        foreach (var part in ancestors)
        {
            current = current switch
            {
                BsonDocument document => document[part],
                BsonArray array => array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)],
                _ => current,
            };
            if (current is BsonArray) ThrowInArray(state, role, path, part);
        }
    }

    private static void ThrowInArray(ApplyState state, string role, UpdatePath path, string arrayField) =>
        throw MongoError.BadValue(
            $"The {role} field cannot be an array element, '{path}' in doc with {state.IdForMessage} has an array field called '{arrayField}'");
}

/// <summary>Reserves the source path of a <c>$rename</c> in the tree; the rename node does the work.</summary>
internal sealed class ConflictPlaceholderNode : UpdateNode
{
    public override void Apply(ApplyState state, NodeTarget target)
    {
    }
}
