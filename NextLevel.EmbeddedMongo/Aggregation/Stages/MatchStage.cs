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
    private readonly bool _scoresText;
    private readonly IReadOnlyDictionary<string, int>? _textIndex;

    private MatchStage(BsonDocument spec, Filter? compiled, IReadOnlyDictionary<string, int>? textIndex)
    {
        _spec = spec;
        _compiled = compiled;
        _textIndex = textIndex;
        _scoresText = MentionsText(spec);
    }

    public override string Name => "$match";

    public static Stage Parse(BsonValue spec, PipelineParseContext context)
    {
        if (spec is not BsonDocument filter)
            throw MongoError.Location(15959, "the match filter must be an expression in an object");
        var aggregation = context.Aggregation;
        // Only the top-level pipeline reads the aggregated collection, whose text index $text uses.
        var textIndex = context.EnclosingStage is null ? aggregation.TextIndexFields : null;
        var compiled = Filter.Parse(filter, new FilterOptions { Variables = aggregation.Variables, Now = aggregation.Now, TextIndexFields = textIndex });
        return new MatchStage(filter, ReadsVariables(filter) ? null : compiled, textIndex);
    }

    private static bool MentionsText(BsonDocument spec) =>
        spec.Names.Any(name => name == "$text") || spec.Elements.Any(e => e.Name is "$and" or "$or" && e.Value is BsonArray a && a.OfType<BsonDocument>().Any(MentionsText));

    private static bool ReadsVariables(BsonValue value) => value switch
    {
        BsonString s => s.Value.StartsWith("$$", StringComparison.Ordinal),
        BsonDocument d => d.Any(e => ReadsVariables(e.Value)),
        BsonArray a => a.Any(ReadsVariables),
        _ => false,
    };

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var filter = _compiled ?? Filter.Parse(_spec, new FilterOptions { Variables = runtime.Variables, Now = runtime.Now, TextIndexFields = _textIndex });
        return _scoresText ? MatchScoring(input, filter, runtime.Metadata) : input.Where(document => filter.Matches(document));
    }

    /// <summary>A $text match records each passing document's score for $meta and $sort.</summary>
    private static IEnumerable<BsonDocument> MatchScoring(IEnumerable<BsonDocument> input, Filter filter, DocumentMetadata metadata)
    {
        foreach (var document in input)
        {
            var details = new MatchDetails();
            if (!filter.Matches(document, details)) continue;
            if (details.TextScore is { } score) metadata.SetTextScore(document, score);
            yield return document;
        }
    }
}
