using NextLevel.EmbeddedMongo.Bson;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Update.Operators;
using NextLevel.EmbeddedMongo.Update.Paths;
using NextLevel.EmbeddedMongo.Update.Tree;
using NextLevel.EmbeddedMongo.Update.Values;

namespace NextLevel.EmbeddedMongo.Update;

/// <summary>Builds the update tree of an operator document (<c>{ $set: {...}, $inc: {...} }</c>), rejecting unknown
/// operators, invalid paths, conflicting paths and undeclared or unused array filter identifiers.</summary>
internal static class ModifierUpdateParser
{
    public static ObjectUpdateNode Parse(BsonDocument update, ArrayFilterSet arrayFilters)
    {
        var root = new ObjectUpdateNode();
        var usedIdentifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var modifier in update)
        {
            if (!ModifierTable.IsKnown(modifier.Name))
            {
                throw MongoError.FailedToParse(
                    $"Unknown modifier: {modifier.Name}. Expected a valid update modifier or pipeline-style update specified as an array");
            }
            if (modifier.Value is not BsonDocument fields)
            {
                throw MongoError.FailedToParse(
                    $"Modifiers operate on fields but we found type {BsonTypeNames.Of(modifier.Value)} instead. For example: {{$mod: {{<field>: ...}}}} not {{{BsonDisplay.Element(modifier.Name, modifier.Value)}}}");
            }
            foreach (var field in fields)
            {
                var path = UpdatePath.Parse(field.Name);
                if (modifier.Name == ModifierTable.Rename)
                {
                    AddToTree(root, path, new ConflictPlaceholderNode(), arrayFilters, usedIdentifiers);
                    if (field.Value is not BsonString to)
                    {
                        throw MongoError.BadValue($"The 'to' field for $rename must be a string: {BsonDisplay.Element(field.Name, field.Value)}");
                    }
                    var toPath = UpdatePath.Parse(to.Value);
                    AddToTree(root, toPath, RenameNode.Create(path, toPath), arrayFilters, usedIdentifiers);
                }
                else
                {
                    AddToTree(root, path, ModifierTable.CreateLeaf(modifier.Name, field.Name, field.Value), arrayFilters, usedIdentifiers);
                }
            }
        }

        foreach (var identifier in arrayFilters.Identifiers)
        {
            if (!usedIdentifiers.Contains(identifier))
            {
                throw MongoError.FailedToParse(
                    $"The array filter for identifier '{identifier}' was not used in the update {BsonDisplay.Value(update)}");
            }
        }
        return root;
    }

    private static void AddToTree(ObjectUpdateNode root, UpdatePath path, UpdateNode leaf, ArrayFilterSet arrayFilters, HashSet<string> usedIdentifiers)
    {
        UpdateInternalNode current = root;
        for (var i = 0; i < path.Count; i++)
        {
            var part = path.Parts[i];
            if (UpdatePath.KindOf(part) == PathComponentKind.FilteredElements)
            {
                var identifier = UpdatePath.IdentifierOf(part);
                if (!arrayFilters.Contains(identifier))
                {
                    throw MongoError.BadValue($"No array filter found for identifier '{identifier}' in path '{path}'");
                }
                usedIdentifiers.Add(identifier);
            }

            var existing = current.GetChild(part);
            if (i == path.Count - 1)
            {
                if (existing is not null) throw Conflict(path, path.Dotted);
                current.SetChild(part, leaf);
                return;
            }

            var childIsArrayNode = ObjectUpdateNode.IsArrayComponent(path.Parts[i + 1]);
            if (existing is null)
            {
                existing = childIsArrayNode ? new ArrayUpdateNode() : new ObjectUpdateNode();
                current.SetChild(part, existing);
            }
            else if (childIsArrayNode ? existing is not ArrayUpdateNode : existing is not ObjectUpdateNode)
            {
                throw Conflict(path, path.Prefix(i + 1));
            }
            current = (UpdateInternalNode)existing;
        }
    }

    private static MongoError Conflict(UpdatePath path, string at) =>
        new(ErrorCode.ConflictingUpdateOperators, $"Updating the path '{path}' would create a conflict at '{at}'");
}
