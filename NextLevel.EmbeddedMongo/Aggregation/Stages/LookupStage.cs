using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $lookup: joins documents of another collection into an array field. The equality form (localField/foreignField)
/// matches like <c>{ foreignField: { $in: localValues } }</c> through a hash index built once per run; the pipeline
/// form runs a sub-pipeline per document with its let variables; both combined filter by equality first.
/// </summary>
internal sealed class LookupStage : Stage
{
    private readonly string _database;
    private readonly string? _from;
    private readonly string[]? _localField;
    private readonly string[]? _foreignField;
    private readonly string[] _as;
    private readonly IReadOnlyList<(string Name, Expr Value)> _let;
    private readonly Pipeline? _pipeline;

    private LookupStage(string database, string? from, string[]? localField, string[]? foreignField, string[] @as,
        IReadOnlyList<(string Name, Expr Value)> let, Pipeline? pipeline)
    {
        _database = database;
        _from = from;
        _localField = localField;
        _foreignField = foreignField;
        _as = @as;
        _let = let;
        _pipeline = pipeline;
    }

    public override string Name => "$lookup";

    public static Stage Parse(BsonValue spec, PipelineParseContext context)
    {
        if (spec is not BsonDocument document)
            throw MongoError.FailedToParse($"the $lookup specification must be an Object, but found {ExprValues.TypeName(spec)}");
        var database = context.Aggregation.Database;
        string? from = null, localField = null, foreignField = null, @as = null;
        var let = new List<(string, Expr)>();
        Pipeline? pipeline = null;
        foreach (var element in document)
        {
            switch (element.Name)
            {
                case "from":
                    if (element.Value is BsonString s) from = s.Value;
                    else if (element.Value is BsonDocument ns && ns.GetValue("db", null) is BsonString db && ns.GetValue("coll", null) is BsonString coll)
                    {
                        database = db.Value;
                        from = coll.Value;
                    }
                    else throw MongoError.FailedToParse($"$lookup 'from' field must be a string or an object with 'db' and 'coll', but found {ExprValues.TypeName(element.Value)}");
                    break;
                case "localField": localField = RequireString(element); break;
                case "foreignField": foreignField = RequireString(element); break;
                case "as": @as = RequireString(element); break;
                case "let":
                    if (element.Value is not BsonDocument vars)
                        throw MongoError.FailedToParse($"$lookup argument 'let' must be an object, is type {ExprValues.TypeName(element.Value)}");
                    foreach (var v in vars) let.Add((Expressions.Operators.VariableOperators.ValidName(v.Name), Expr.Parse(v.Value)));
                    break;
                case "pipeline":
                    if (element.Value is not BsonArray stages)
                        throw MongoError.FailedToParse($"$lookup argument 'pipeline' must be an array, is type {ExprValues.TypeName(element.Value)}");
                    pipeline = Pipeline.Parse(stages, context.Nested("$lookup"));
                    break;
                default:
                    throw MongoError.FailedToParse($"unknown argument to $lookup: {element.Name}");
            }
        }
        if (@as is null) throw MongoError.FailedToParse("must specify 'as' field for a $lookup");
        if ((localField is null) != (foreignField is null))
            throw MongoError.FailedToParse("$lookup requires both or neither of 'localField' and 'foreignField' to be specified");
        if (localField is null && pipeline is null)
            throw MongoError.FailedToParse("$lookup requires either 'pipeline' or both 'localField' and 'foreignField' to be specified");
        if (from is null && !(pipeline?.StartsWithDocuments ?? false))
            throw MongoError.FailedToParse("must specify 'from' field for a $lookup");
        return new LookupStage(database, from, localField?.Split('.'), foreignField?.Split('.'), @as.Split('.'), let, pipeline);
    }

    private static string RequireString(BsonElement element) => element.Value is BsonString s
        ? s.Value
        : throw MongoError.FailedToParse($"$lookup argument '{element.Name}: {element.Value.ToJson()}' must be a string, is type {ExprValues.TypeName(element.Value)}");

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var foreign = _from is null ? [] : runtime.Host.Scan(_database, _from).ToList();
        var index = _localField is null ? null : BuildIndex(foreign);
        var context = runtime.NewContext();
        foreach (var document in input)
        {
            var candidates = index is null ? foreign : Matching(document, foreign, index);
            var joined = _pipeline is null ? candidates : RunPipeline(document, candidates, runtime, context);
            yield return runtime.Metadata.Carry(document, DocumentPaths.With(document, _as, new BsonArray(joined)));
        }
    }

    private Dictionary<BsonValue, List<int>> BuildIndex(List<BsonDocument> foreign)
    {
        var index = new Dictionary<BsonValue, List<int>>(BsonValueComparer.Instance!);
        for (var i = 0; i < foreign.Count; i++)
        {
            foreach (var key in LookupKeys.Of(foreign[i], _foreignField!).Distinct(BsonValueComparer.Instance!))
            {
                if (!index.TryGetValue(key, out var positions)) index[key] = positions = [];
                positions.Add(i);
            }
        }
        return index;
    }

    private List<BsonDocument> Matching(BsonDocument document, List<BsonDocument> foreign, Dictionary<BsonValue, List<int>> index)
    {
        var local = DocumentPaths.Get(document, _localField!) is BsonArray array ? array.ToList()
            : LookupKeys.Of(document, _localField!).Where(v => v is not BsonArray).ToList();
        var positions = new SortedSet<int>();
        foreach (var value in local)
        {
            if (index.TryGetValue(value, out var matches)) positions.UnionWith(matches);
        }
        return positions.Select(i => foreign[i]).ToList();
    }

    private IEnumerable<BsonDocument> RunPipeline(BsonDocument document, List<BsonDocument> candidates, StageRuntime runtime, ExprContext context)
    {
        context.Reset(document);
        var variables = new Dictionary<string, BsonValue>(_let.Count);
        foreach (var (name, value) in _let) variables[name] = value.Evaluate(context) ?? ExprContext.MissingVariable;
        return _pipeline!.Execute(candidates, runtime.WithVariables(variables)).ToList();
    }
}
