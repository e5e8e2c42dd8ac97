using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $match: keeps documents the query filter accepts. A filter that reads variables ($expr with $$x, as in a
/// $lookup sub-pipeline) is compiled per run with the variables in scope; any other filter is compiled once.
/// </summary>
internal sealed class MatchStage : Stage
{
    private readonly BsonDocument _spec;
    private readonly Filter? _compiled;

    private MatchStage(BsonDocument spec, Filter? compiled)
    {
        _spec = spec;
        _compiled = compiled;
    }

    public override string Name => "$match";

    public static Stage Parse(BsonValue spec, PipelineParseContext context)
    {
        if (spec is not BsonDocument filter)
            throw MongoError.Location(15959, "the match filter must be an expression in an object");
        var aggregation = context.Aggregation;
        var compiled = Filter.Parse(filter, new FilterOptions { Variables = aggregation.Variables, Now = aggregation.Now });
        return new MatchStage(filter, ReadsVariables(filter) ? null : compiled);
    }

    private static bool ReadsVariables(BsonValue value) => value switch
    {
        BsonString s => s.Value.StartsWith("$$", StringComparison.Ordinal),
        BsonDocument d => d.Any(e => ReadsVariables(e.Value)),
        BsonArray a => a.Any(ReadsVariables),
        _ => false,
    };

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var filter = _compiled ?? Filter.Parse(_spec, new FilterOptions { Variables = runtime.Variables, Now = runtime.Now });
        return input.Where(document => filter.Matches(document));
    }
}
