using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $graphLookup: a breadth-first search over another collection. Starting from startWith, each round finds the
/// documents whose connectToField equals a value of the previous round's connectFromField; each document is
/// visited once (by _id) and recorded with its depth.
/// </summary>
internal sealed class GraphLookupStage : Stage
{
    private readonly string _database;
    private readonly string _from;
    private readonly Expr _startWith;
    private readonly string[] _connectFromField;
    private readonly string[] _connectToField;
    private readonly string[] _as;
    private readonly long? _maxDepth;
    private readonly string[]? _depthField;
    private readonly Filter? _restrict;

    private GraphLookupStage(string database, string from, Expr startWith, string[] connectFromField, string[] connectToField,
        string[] @as, long? maxDepth, string[]? depthField, Filter? restrict)
    {
        _database = database;
        _from = from;
        _startWith = startWith;
        _connectFromField = connectFromField;
        _connectToField = connectToField;
        _as = @as;
        _maxDepth = maxDepth;
        _depthField = depthField;
        _restrict = restrict;
    }

    public override string Name => "$graphLookup";

    public static Stage Parse(BsonValue spec, PipelineParseContext context)
    {
        if (spec is not BsonDocument document)
            throw MongoError.Location(40327, $"the $graphLookup stage specification must be an object, but found {ExprValues.TypeName(spec)}");
        var database = context.Aggregation.Database;
        string? from = null, connectFrom = null, connectTo = null, @as = null, depthField = null;
        Expr? startWith = null;
        long? maxDepth = null;
        Filter? restrict = null;
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
                    else throw MongoError.FailedToParse($"$graphLookup 'from' must be a string, but found {ExprValues.TypeName(element.Value)}");
                    break;
                case "startWith": startWith = Expr.Parse(element.Value); break;
                case "connectFromField": connectFrom = PathArgument(element); break;
                case "connectToField": connectTo = PathArgument(element); break;
                case "as": @as = PathArgument(element); break;
                case "depthField": depthField = PathArgument(element); break;
                case "maxDepth":
                    if (!Numeric.IsNumber(element.Value))
                        throw MongoError.Location(40100, $"maxDepth must be numeric, found type: {ExprValues.TypeName(element.Value)}");
                    if (!Numeric.TryGetLong(element.Value, out var depth))
                        throw MongoError.Location(40102, $"maxDepth could not be represented as a long long: {element.Value}");
                    if (depth < 0) throw MongoError.Location(40101, $"maxDepth requires a nonnegative argument, found: {depth}");
                    maxDepth = depth;
                    break;
                case "restrictSearchWithMatch":
                    if (element.Value is not BsonDocument filter)
                        throw MongoError.Location(40185, $"restrictSearchWithMatch must be an object, found {ExprValues.TypeName(element.Value)}");
                    restrict = Filter.Parse(filter, new FilterOptions { Variables = context.Aggregation.Variables, Now = context.Aggregation.Now });
                    break;
                default:
                    throw MongoError.Location(40104, $"Unknown argument to $graphLookup: {element.Name}");
            }
        }
        if (from is null || startWith is null || connectFrom is null || connectTo is null || @as is null)
            throw MongoError.Location(40105, "$graphLookup requires 'from', 'startWith', 'connectFromField', 'connectToField' and 'as' to be specified");
        return new GraphLookupStage(database, from, startWith, connectFrom.Split('.'), connectTo.Split('.'), @as.Split('.'),
            maxDepth, depthField?.Split('.'), restrict);
    }

    private static string PathArgument(BsonElement element)
    {
        if (element.Value is not BsonString s)
            throw MongoError.Location(40103, $"expected string as argument for {element.Name}, found: {element.Value.ToJson()}");
        if (s.Value.Length == 0 || s.Value[0] == '$')
            throw MongoError.Location(16410, $"FieldPath field names may not start with '$': {s.Value}");
        return s.Value;
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var foreign = runtime.Host.Scan(_database, _from).Where(d => _restrict?.Matches(d) ?? true).ToList();
        var index = new Dictionary<BsonValue, List<int>>(BsonValueComparer.Instance!);
        for (var i = 0; i < foreign.Count; i++)
        {
            foreach (var key in LookupKeys.Of(foreign[i], _connectToField).Distinct(BsonValueComparer.Instance!))
            {
                if (!index.TryGetValue(key, out var positions)) index[key] = positions = [];
                positions.Add(i);
            }
        }
        var context = runtime.NewContext();
        foreach (var document in input)
        {
            context.Reset(document);
            yield return DocumentPaths.With(document, _as, Search(_startWith.Evaluate(context), foreign, index));
        }
    }

    private BsonArray Search(BsonValue? start, List<BsonDocument> foreign, Dictionary<BsonValue, List<int>> index)
    {
        var results = new BsonArray();
        var visited = new HashSet<BsonValue>(BsonValueComparer.Instance!);
        var frontier = Flatten(start ?? BsonNull.Value).ToList();
        for (long depth = 0; frontier.Count > 0 && (_maxDepth is null || depth <= _maxDepth); depth++)
        {
            var found = new SortedSet<int>();
            foreach (var value in frontier.Distinct(BsonValueComparer.Instance!))
            {
                if (index.TryGetValue(value!, out var positions)) found.UnionWith(positions);
            }
            var next = new List<BsonValue>();
            foreach (var position in found)
            {
                var match = foreign[position];
                if (!visited.Add(match.GetValue("_id", BsonNull.Value))) continue;
                results.Add(_depthField is null ? match : DocumentPaths.With(match, _depthField, new BsonInt64(depth)));
                var connected = LookupKeys.Of(match, _connectFromField);
                next.AddRange(connected.Where(v => v is not BsonArray and not BsonNull));
            }
            frontier = next;
        }
        return results;
    }

    private static IEnumerable<BsonValue> Flatten(BsonValue value) => value is BsonArray array ? array : [value];
}
