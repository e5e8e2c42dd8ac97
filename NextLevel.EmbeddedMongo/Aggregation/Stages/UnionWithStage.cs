using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>$unionWith: the input, then the documents of another collection (through an optional pipeline).</summary>
internal sealed class UnionWithStage(string database, string? collection, Pipeline? pipeline) : Stage
{
    public override string Name => "$unionWith";

    public static Stage Parse(BsonValue spec, PipelineParseContext context)
    {
        string? collection = null;
        Pipeline? pipeline = null;
        switch (spec)
        {
            case BsonString s:
                collection = s.Value;
                break;
            case BsonDocument document:
                foreach (var element in document)
                {
                    if (element.Name == "coll")
                    {
                        collection = element.Value is BsonString c ? c.Value
                            : throw MongoError.TypeMismatch($"BSON field '$unionWith.coll' is the wrong type '{ExprValues.TypeName(element.Value)}', expected type 'string'");
                    }
                    else if (element.Name == "pipeline")
                    {
                        pipeline = element.Value is BsonArray stages ? Pipeline.Parse(stages, context.Nested("$unionWith"))
                            : throw MongoError.TypeMismatch($"BSON field '$unionWith.pipeline' is the wrong type '{ExprValues.TypeName(element.Value)}', expected type 'array'");
                    }
                    else throw MongoError.Location(40415, $"BSON field '$unionWith.{element.Name}' is an unknown field.");
                }
                if (collection is null && !(pipeline?.StartsWithDocuments ?? false))
                    throw MongoError.Location(40414, "BSON field '$unionWith.coll' is missing but a required field");
                break;
            default:
                throw MongoError.FailedToParse($"the $unionWith stage specification must be an object or string, but found {ExprValues.TypeName(spec)}");
        }
        return new UnionWithStage(context.Aggregation.Database, collection, pipeline);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        foreach (var document in input) yield return document;
        var other = collection is null ? [] : runtime.Host.Scan(database, collection);
        foreach (var document in pipeline is null ? other : pipeline.Execute(other, runtime)) yield return document;
    }
}
