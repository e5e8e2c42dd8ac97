using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Aggregation.Expressions.Operators;
using NextLevel.EmbeddedMongo.Aggregation.Stages;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation;

/// <summary>What $merge does with a result document that matches an existing one on the 'on' fields.</summary>
public enum MergeWhenMatched { Replace, KeepExisting, Merge, Fail, Pipeline }

/// <summary>What $merge does with a result document that matches nothing.</summary>
public enum MergeWhenNotMatched { Insert, Discard, Fail }

/// <summary>
/// A parsed terminal <c>$merge</c>. The command layer finds, for each result document, the target document with
/// equal <see cref="On"/> fields, then stores <see cref="ResolveMatched"/> or, with no match, inserts the result
/// when <see cref="ShouldInsertUnmatched"/> says so. [Immutable - ThreadSafe]
/// </summary>
public sealed record MergeStage(string Database, string Collection) : OutputStage(Database, Collection)
{
    /// <summary>The fields identifying the target document; <c>["_id"]</c> unless given.</summary>
    public IReadOnlyList<string> On { get; init; } = ["_id"];

    public MergeWhenMatched WhenMatched { get; init; } = MergeWhenMatched.Merge;

    public MergeWhenNotMatched WhenNotMatched { get; init; } = MergeWhenNotMatched.Insert;

    internal Pipeline? WhenMatchedPipeline { get; init; }

    internal IReadOnlyList<(string Name, Expr Value)>? Let { get; init; }

    internal AggregationContext? Context { get; init; }

    private static readonly HashSet<string> PipelineStages = new(StringComparer.Ordinal)
    {
        "$addFields", "$set", "$project", "$unset", "$replaceRoot", "$replaceWith",
    };

    internal static MergeStage Parse(BsonValue spec, AggregationContext context)
    {
        switch (spec)
        {
            case BsonString s:
                return new MergeStage(context.Database, OutStage.ValidCollection("$merge", s.Value)) { Context = context };
            case BsonDocument document:
                return ParseDocument(document, context);
            default:
                throw MongoError.Location(51182, $"$merge only supports a string or object argument, but found {ExprValues.TypeName(spec)}");
        }
    }

    private static MergeStage ParseDocument(BsonDocument document, AggregationContext context)
    {
        string? database = null, collection = null;
        IReadOnlyList<string> on = ["_id"];
        var whenMatched = MergeWhenMatched.Merge;
        var whenNotMatched = MergeWhenNotMatched.Insert;
        Pipeline? pipeline = null;
        List<(string, Expr)>? let = null;
        foreach (var element in document)
        {
            switch (element.Name)
            {
                case "into":
                    if (element.Value is BsonString into) collection = into.Value;
                    else if (element.Value is BsonDocument ns)
                    {
                        foreach (var part in ns)
                        {
                            if (part.Name == "db") database = OutStage.RequireString("$merge.into", part);
                            else if (part.Name == "coll") collection = OutStage.RequireString("$merge.into", part);
                            else throw MongoError.Location(40415, $"BSON field 'into.{part.Name}' is an unknown field.");
                        }
                        if (collection is null) throw MongoError.Location(40414, "BSON field 'into.coll' is missing but a required field");
                    }
                    else throw MongoError.Location(51178, $"$merge 'into' field must be either a string or an object, but found {ExprValues.TypeName(element.Value)}");
                    break;
                case "on":
                    on = element.Value switch
                    {
                        BsonString field => [field.Value],
                        BsonArray fields when fields.Count > 0 && fields.All(f => f is BsonString) => fields.Select(f => f.AsString).Distinct().ToArray(),
                        _ => throw MongoError.Location(51186, "$merge 'on' field must be either a string or an array of strings"),
                    };
                    break;
                case "whenMatched":
                    if (element.Value is BsonArray stages)
                    {
                        whenMatched = MergeWhenMatched.Pipeline;
                        foreach (var stage in stages)
                        {
                            var name = stage is BsonDocument { ElementCount: 1 } d ? d.GetElement(0).Name : string.Empty;
                            if (!PipelineStages.Contains(name))
                                throw new MongoError(ErrorCode.InvalidOptions, $"{name} is not allowed to be used within an update");
                        }
                        pipeline = Pipeline.Parse(stages, new PipelineParseContext(context, "$merge"));
                    }
                    else
                    {
                        whenMatched = element.Value is BsonString mode ? mode.Value switch
                        {
                            "replace" => MergeWhenMatched.Replace,
                            "keepExisting" => MergeWhenMatched.KeepExisting,
                            "merge" => MergeWhenMatched.Merge,
                            "fail" => MergeWhenMatched.Fail,
                            _ => throw MongoError.BadValue($"Enumeration value '{mode.Value}' for field 'whenMatched' is not a valid value."),
                        } : throw MongoError.Location(51191, "$merge 'whenMatched' field must be either a string or an array");
                    }
                    break;
                case "whenNotMatched":
                    whenNotMatched = element.Value is BsonString notMatched ? notMatched.Value switch
                    {
                        "insert" => MergeWhenNotMatched.Insert,
                        "discard" => MergeWhenNotMatched.Discard,
                        "fail" => MergeWhenNotMatched.Fail,
                        _ => throw MongoError.BadValue($"Enumeration value '{notMatched.Value}' for field 'whenNotMatched' is not a valid value."),
                    } : throw MongoError.TypeMismatch("BSON field '$merge.whenNotMatched' is the wrong type, expected type 'string'");
                    break;
                case "let":
                    if (element.Value is not BsonDocument vars)
                        throw MongoError.TypeMismatch($"BSON field '$merge.let' is the wrong type '{ExprValues.TypeName(element.Value)}', expected type 'object'");
                    let = vars.Select(v => (VariableOperators.ValidName(v.Name), Expr.Parse(v.Value))).ToList();
                    break;
                default:
                    throw MongoError.Location(40415, $"BSON field '$merge.{element.Name}' is an unknown field.");
            }
        }
        if (collection is null) throw MongoError.Location(40414, "BSON field '$merge.into' is missing but a required field");
        if (let is not null && whenMatched != MergeWhenMatched.Pipeline)
            throw MongoError.Location(51199, "Cannot use 'let' variables with 'whenMatched: " + whenMatched.ToString().ToLowerInvariant() + "' mode");
        return new MergeStage(database ?? context.Database, OutStage.ValidCollection("$merge", collection))
        {
            On = on,
            WhenMatched = whenMatched,
            WhenNotMatched = whenNotMatched,
            WhenMatchedPipeline = pipeline,
            Let = let,
            Context = context,
        };
    }

    /// <summary>
    /// The document to store in place of <paramref name="existing"/> for a matching <paramref name="incoming"/>
    /// result. Throws DuplicateKey for whenMatched "fail" and ImmutableField when _id would change.
    /// </summary>
    public BsonDocument ResolveMatched(BsonDocument existing, BsonDocument incoming)
    {
        BsonDocument result;
        switch (WhenMatched)
        {
            case MergeWhenMatched.KeepExisting:
                return existing;
            case MergeWhenMatched.Fail:
                throw new MongoError(ErrorCode.DuplicateKey,
                    $"$merge with whenMatched: fail found an existing document with the same values for the 'on' fields in {Database}.{Collection}");
            case MergeWhenMatched.Replace:
                result = incoming;
                break;
            case MergeWhenMatched.Merge:
                result = new BsonDocument(existing.Elements);
                foreach (var element in incoming) result[element.Name] = element.Value;
                break;
            default:
                result = RunPipeline(existing, incoming);
                break;
        }
        return KeepId(existing, result);
    }

    /// <summary>Whether an unmatched result is inserted; throws for whenNotMatched "fail".</summary>
    public bool ShouldInsertUnmatched() => WhenNotMatched switch
    {
        MergeWhenNotMatched.Insert => true,
        MergeWhenNotMatched.Discard => false,
        _ => throw MongoError.Location(13113, "$merge could not find a matching document in the target collection for at least one document in the source collection"),
    };

    private BsonDocument RunPipeline(BsonDocument existing, BsonDocument incoming)
    {
        var context = Context!;
        var variables = new Dictionary<string, BsonValue>();
        if (context.Variables is not null) foreach (var (name, value) in context.Variables) variables[name] = value;
        if (Let is null)
        {
            variables["new"] = incoming;
        }
        else
        {
            var expressionContext = new ExprContext(incoming, variables, context.Now);
            foreach (var (name, value) in Let) variables[name] = value.Evaluate(expressionContext) ?? ExprContext.MissingVariable;
        }
        var runtime = new StageRuntime { Database = context.Database, Host = context.Host, Variables = variables, Now = context.Now };
        return WhenMatchedPipeline!.Execute([existing], runtime).Single();
    }

    private static BsonDocument KeepId(BsonDocument existing, BsonDocument result)
    {
        if (!existing.TryGetValue("_id", out var id)) return result;
        if (result.TryGetValue("_id", out var newId))
        {
            if (!BsonValueComparer.Instance.Equals(id, newId))
                throw new MongoError(ErrorCode.ImmutableField, "$merge failed to update the matching document, did you attempt to modify the _id or the shard key?");
            return result;
        }
        var withId = new BsonDocument("_id", id);
        foreach (var element in result) withId.Add(element);
        return withId;
    }
}
