using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>$addFields / $set: adds or replaces fields with computed values, keeping all others.</summary>
internal sealed class AddFieldsStage(string name, ProjectionTree tree) : Stage
{
    public override string Name => name;

    public static Stage Parse(string name, BsonValue spec)
    {
        if (spec is not BsonDocument document)
            throw MongoError.Location(40272, $"{name} specification stage must be an object, got {ExprValues.TypeName(spec)}");
        var tree = new ProjectionTree();
        Build(name, document, string.Empty, tree);
        return new AddFieldsStage(name, tree);
    }

    private static void Build(string stage, BsonDocument spec, string prefix, ProjectionTree tree)
    {
        foreach (var element in spec)
        {
            var path = prefix + element.Name;
            if (element.Value is BsonDocument nested && nested.ElementCount > 0 && !nested.GetElement(0).Name.StartsWith('$'))
            {
                Build(stage, nested, path + ".", tree);
                continue;
            }
            tree.Add(path, ProjectionAction.Compute, Expr.Parse(element.Value), stage);
        }
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var context = runtime.NewContext();
        foreach (var document in input)
        {
            context.Reset(document);
            yield return runtime.Metadata.Carry(document, tree.ApplyAddFields(document, context));
        }
    }
}
