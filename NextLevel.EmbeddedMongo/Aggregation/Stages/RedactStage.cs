using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $redact: the expression decides per (sub)document: $$KEEP it whole, $$PRUNE it, or $$DESCEND into its
/// embedded documents (including those inside arrays) and decide again there.
/// </summary>
internal sealed class RedactStage(Expr decision) : Stage
{
    private static readonly Dictionary<string, BsonValue> Decisions = new()
    {
        ["DESCEND"] = "descend",
        ["PRUNE"] = "prune",
        ["KEEP"] = "keep",
    };

    public override string Name => "$redact";

    public static Stage Parse(BsonValue spec) => new RedactStage(Expr.Parse(spec));

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageRuntime runtime)
    {
        var context = runtime.WithVariables(Decisions).NewContext();
        foreach (var document in input)
        {
            context.Reset(document);
            var result = Redact(document, context);
            if (result is not null) yield return result;
        }
    }

    private BsonDocument? Redact(BsonDocument document, ExprContext context)
    {
        context.Current = document;
        var outcome = decision.Evaluate(context);
        switch (outcome is BsonString s ? s.Value : null)
        {
            case "keep":
                return document;
            case "prune":
                return null;
            case "descend":
                var result = new BsonDocument();
                foreach (var element in document)
                {
                    var value = RedactValue(element.Value, context);
                    if (value is not null) result.Add(element.Name, value);
                }
                return result;
            default:
                throw MongoError.Location(17053, $"$redact's expression should not return anything aside from the variables $$KEEP, $$DESCEND, and $$PRUNE, but returned {ExprValues.Describe(outcome)}");
        }
    }

    private BsonValue? RedactValue(BsonValue value, ExprContext context) => value switch
    {
        BsonDocument sub => Redact(sub, context),
        BsonArray array => new BsonArray(array.Select(item => RedactValue(item, context)).OfType<BsonValue>()),
        _ => value,
    };
}
