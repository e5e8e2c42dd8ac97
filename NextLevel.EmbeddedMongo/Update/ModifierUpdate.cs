using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Update.Tree;

namespace NextLevel.EmbeddedMongo.Update;

/// <summary>An update made of operators (<c>$set</c>, <c>$inc</c>, ...), applied as a tree in path order.</summary>
internal sealed class ModifierUpdate : UpdateExecutor
{
    private readonly ObjectUpdateNode _root;
    private readonly ArrayFilterSet _arrayFilters;

    public ModifierUpdate(BsonDocument update, ArrayFilterSet arrayFilters)
    {
        _arrayFilters = arrayFilters;
        _root = ModifierUpdateParser.Parse(update, arrayFilters);
    }

    public override BsonDocument Apply(BsonDocument document, UpdateApplyContext context, bool isInsert)
    {
        _root.Apply(new ApplyState(document, context, _arrayFilters, isInsert), NodeTarget.Root(document));
        return document;
    }
}
