using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>$facet: runs several sub-pipelines over the same input and returns one document of their results.</summary>
internal sealed class FacetStage(IReadOnlyList<(string Name, Pipeline Pipeline)> facets) : Stage
{
    public override string Name => "$facet";

    public static Stage Parse(BsonValue spec, PipelineParseContext context)
    {
        if (spec is not BsonDocument document || document.ElementCount == 0)
            throw MongoError.Location(40169, "the $facet specification must be a non-empty object");
        var facets = new List<(string, Pipeline)>();
        foreach (var element in document)
        {
            if (element.Name.StartsWith('$') || element.Name.Contains('.', StringComparison.Ordinal) || element.Name.Length == 0)
                throw MongoError.Location(40352, $"FieldPath field names may not start with '$' or contain '.': {element.Name}");
            if (element.Value is not BsonArray stages)
                throw MongoError.Location(40170, $"arguments to $facet must be arrays, {element.Name} is type {ExprValues.TypeName(element.Value)}");
            if (stages.Count == 0)
                throw MongoError.Location(40171, "sub-pipeline in $facet stage cannot be empty");
            facets.Add((element.Name, Pipeline.Parse(stages, context.Nested("$facet"))));
        }
        return new FacetStage(facets);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var documents = input.ToList();
        var result = new BsonDocument();
        foreach (var (name, pipeline) in facets) result[name] = new BsonArray(pipeline.Execute(documents, runtime));
        yield return result;
    }
}
