using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>$documents: literal (or computed) documents that replace the input.</summary>
internal sealed class DocumentsStage(Expr documents) : Stage
{
    public override string Name => "$documents";

    public static Stage Parse(BsonValue spec) => new DocumentsStage(Expr.Parse(spec));

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var value = documents.Evaluate(runtime.NewContext());
        if (value is not BsonArray array)
            throw MongoError.Location(5858203, "error during $documents evaluation :: caused by :: an array is expected");
        foreach (var item in array)
        {
            yield return item as BsonDocument
                ?? throw MongoError.Location(40228, $"'newRoot' expression must evaluate to an object, but resulting value was: {ExprValues.Describe(item)}");
        }
    }
}
