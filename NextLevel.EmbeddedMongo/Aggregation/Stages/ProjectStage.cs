using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $project (inclusion with computed fields, or exclusion) and $unset (an exclusion).
/// _id is kept unless excluded explicitly. Inclusion and exclusion cannot be mixed (31254/31253).
/// </summary>
internal sealed class ProjectStage : Stage
{
    private readonly string _name;
    private readonly ProjectionTree _tree;
    private readonly bool _inclusion;

    private ProjectStage(string name, ProjectionTree tree, bool inclusion)
    {
        _name = name;
        _tree = tree;
        _inclusion = inclusion;
    }

    public override string Name => _name;

    public static Stage Parse(BsonValue spec, PipelineParseContext context)
    {
        if (spec is not BsonDocument document)
            throw MongoError.Location(15969, "$project specification must be an object");
        if (document.ElementCount == 0)
            throw MongoError.Location(51272, "Invalid $project :: caused by :: projection specification must have at least one field");
        var tree = new ProjectionTree();
        bool? inclusion = null;
        var excludeId = false;
        Build(document, string.Empty, tree, ref inclusion, ref excludeId);
        // { _id: 0 } alone is an exclusion; { _id: 1 } alone keeps only _id.
        if (inclusion == true || (inclusion is null && !excludeId))
        {
            if (!excludeId && !tree.Contains("_id")) tree.Add("_id", ProjectionAction.Include, null, "$project");
            return new ProjectStage("$project", tree, inclusion: true);
        }
        if (excludeId) tree.Add("_id", ProjectionAction.Exclude, null, "$project");
        return new ProjectStage("$project", tree, inclusion: false);
    }

    private static void Build(BsonDocument spec, string prefix, ProjectionTree tree, ref bool? inclusion, ref bool excludeId)
    {
        foreach (var element in spec)
        {
            var path = prefix + element.Name;
            var value = element.Value;
            if (value is BsonDocument nested && (nested.ElementCount == 0 || !nested.GetElement(0).Name.StartsWith('$')))
            {
                if (nested.ElementCount == 0)
                    throw MongoError.Location(51270, "Invalid $project :: caused by :: An empty sub-projection is not a valid value. Found empty object at path");
                Build(nested, path + ".", tree, ref inclusion, ref excludeId);
                continue;
            }
            if (value is BsonBoolean or BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128)
            {
                var include = ExprValues.IsTrue(value);
                if (path == "_id")
                {
                    if (include) tree.Add("_id", ProjectionAction.Include, null, "$project");
                    else excludeId = true;
                    continue;
                }
                if (include)
                {
                    if (inclusion == false)
                        throw MongoError.Location(31253, $"Invalid $project :: caused by :: Cannot do inclusion on field {path} in exclusion projection");
                    inclusion = true;
                    tree.Add(path, ProjectionAction.Include, null, "$project");
                }
                else
                {
                    if (inclusion == true)
                        throw MongoError.Location(31254, $"Invalid $project :: caused by :: Cannot do exclusion on field {path} in inclusion projection");
                    inclusion = false;
                    tree.Add(path, ProjectionAction.Exclude, null, "$project");
                }
                continue;
            }
            if (inclusion == false)
                throw MongoError.Location(31252, "Invalid $project :: caused by :: Cannot use expression other than $meta in exclusion projection");
            inclusion = true;
            tree.Add(path, ProjectionAction.Compute, Expr.Parse(value), "$project");
        }
    }

    public static Stage ParseUnset(BsonValue spec)
    {
        var paths = spec switch
        {
            BsonString s => [s.Value],
            BsonArray a when a.Count > 0 && a.All(v => v is BsonString) => a.Select(v => v.AsString).ToArray(),
            _ => throw MongoError.Location(31002, "$unset specification must be a string or an array containing only string values"),
        };
        var tree = new ProjectionTree();
        foreach (var path in paths)
        {
            if (path.Length == 0) throw MongoError.Location(40352, "Invalid $unset :: caused by :: FieldPath cannot be constructed with empty string");
            tree.Add(path, ProjectionAction.Exclude, null, "$unset");
        }
        return new ProjectStage("$unset", tree, inclusion: false);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        if (!_inclusion) return input.Select(document => runtime.Metadata.Carry(document, _tree.ApplyExclusion(document)));
        return Include(input, runtime);
    }

    private IEnumerable<BsonDocument> Include(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var context = runtime.NewContext();
        foreach (var document in input)
        {
            context.Reset(document);
            yield return runtime.Metadata.Carry(document, IdFirst(_tree.ApplyInclusion(document, context)));
        }
    }

    /// <summary>The projection executor always emits _id first, also when it is computed.</summary>
    private static BsonDocument IdFirst(BsonDocument document)
    {
        var index = document.IndexOfName("_id");
        if (index <= 0) return document;
        var id = document[index];
        document.RemoveAt(index);
        document.InsertAt(0, new BsonElement("_id", id));
        return document;
    }
}
