using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Paths;
using NextLevel.EmbeddedMongo.Update.Values;

namespace NextLevel.EmbeddedMongo.Update.Tree;

/// <summary>Applies its <c>$[]</c> and <c>$[identifier]</c> children to every array element they select.</summary>
internal sealed class ArrayUpdateNode : UpdateInternalNode
{
    public override void Apply(ApplyState state, NodeTarget target)
    {
        if (!target.Exists)
        {
            throw MongoError.BadValue($"The path '{target.FullPath}' must exist in the document in order to apply array updates.");
        }
        if (target.Element is not BsonArray array)
        {
            throw MongoError.BadValue($"Cannot apply array updates to non-array element {BsonDisplay.Element(target.ElementName, target.Element)}");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            UpdateNode? selected = null;
            foreach (var (key, child) in Children)
            {
                var applies = UpdatePath.KindOf(key) == PathComponentKind.AllElements
                    || state.ArrayFilters.Matches(UpdatePath.IdentifierOf(key), array[i]);
                if (!applies) continue;
                selected = selected is null ? child : Merge(selected, child, target.FullPath + "." + index);
            }
            selected?.Apply(state, new NodeTarget(array[i], new ValueSlot(array, index), [.. target.Taken, index], []));
        }
    }
}
