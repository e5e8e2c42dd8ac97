using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>$replaceRoot { newRoot } and $replaceWith: the document becomes the value of an expression.</summary>
internal sealed class ReplaceRootStage(string name, Expr newRoot) : Stage
{
    public override string Name => name;

    public static Stage Parse(string name, BsonValue spec)
    {
        if (name == "$replaceWith") return new ReplaceRootStage(name, Expr.Parse(spec));
        if (spec is not BsonDocument document)
            throw MongoError.Location(40229, $"expected an object as specification for $replaceRoot stage, got {ExprValues.TypeName(spec)}");
        Expr? expr = null;
        foreach (var element in document)
        {
            if (element.Name != "newRoot") throw MongoError.Location(40415, $"BSON field '$replaceRoot.{element.Name}' is an unknown field.");
            expr = Expr.Parse(element.Value);
        }
        return new ReplaceRootStage(name, expr ?? throw MongoError.Location(40414, "BSON field '$replaceRoot.newRoot' is missing but a required field"));
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var context = runtime.NewContext();
        foreach (var document in input)
        {
            context.Reset(document);
            var value = newRoot.Evaluate(context);
            if (value is not BsonDocument replacement)
                throw MongoError.Location(40228, $"'newRoot' expression must evaluate to an object, but resulting value was: {ExprValues.Describe(value)}. Type of resulting value: '{ExprValues.TypeName(value)}'. Input document: {{_id: {document.GetValue("_id", BsonNull.Value).ToJson()}}}");
            yield return replacement;
        }
    }
}
