using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Update.Tree;

namespace NextLevel.EmbeddedMongo.Update.Operators;

/// <summary>The update operators, by name: each builds the leaf node for one <c>path: argument</c> pair,
/// validating the argument. <c>$rename</c> is not here: it places two nodes (see <see cref="RenameNode"/>).</summary>
internal static class ModifierTable
{
    public const string Rename = "$rename";

    private static readonly Dictionary<string, Func<string, BsonValue, UpdateNode>> Factories = new(StringComparer.Ordinal)
    {
        ["$set"] = (_, argument) => new SetNode(argument, insertOnly: false),
        ["$setOnInsert"] = (_, argument) => new SetNode(argument, insertOnly: true),
        ["$unset"] = (_, _) => new UnsetNode(),
        ["$inc"] = ArithmeticNode.Increment,
        ["$mul"] = ArithmeticNode.Multiply,
        ["$min"] = (_, argument) => new CompareNode(argument, keepMaximum: false),
        ["$max"] = (_, argument) => new CompareNode(argument, keepMaximum: true),
        ["$currentDate"] = (_, argument) => CurrentDateNode.Create(argument),
        ["$push"] = (_, argument) => PushNode.Create(argument),
        ["$addToSet"] = (_, argument) => AddToSetNode.Create(argument),
        ["$pull"] = (_, argument) => PullNode.Pull(argument),
        ["$pullAll"] = (_, argument) => PullNode.PullAll(argument),
        ["$pop"] = PopNode.Create,
        ["$bit"] = (_, argument) => BitNode.Create(argument),
    };

    public static bool IsKnown(string name) => name == Rename || Factories.ContainsKey(name);

    public static UpdateNode CreateLeaf(string operatorName, string path, BsonValue argument) => Factories[operatorName](path, argument);
}
