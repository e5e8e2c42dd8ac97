using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation.Expressions;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

/// <summary>Evaluates expressions written in extended JSON against a document.</summary>
internal static class ExprTestKit
{
    public static BsonValue? Eval(string expression, string document = "{}", DateTime? now = null, Dictionary<string, BsonValue>? variables = null)
    {
        var spec = BsonDocument.Parse("{ e: " + expression + " }")["e"];
        return Expr.Parse(spec).Evaluate(new ExprContext(BsonDocument.Parse(document), variables, now));
    }

    public static BsonValue Value(string json) => BsonDocument.Parse("{ v: " + json + " }")["v"];

    /// <summary>Asserts type and value (BSON equality is too lax: 1 equals 1.0).</summary>
    public static void Same(string expectedJson, BsonValue? actual)
    {
        var expected = Value(expectedJson);
        Assert.NotNull(actual);
        Assert.True(expected.BsonType == actual!.BsonType && BsonValueComparer.Instance.Equals(expected, actual),
            $"expected {expected.ToJson()} ({expected.BsonType}) but was {actual.ToJson()} ({actual.BsonType})");
    }

    public static MongoError Fails(string expression, string document = "{}")
    {
        return Assert.Throws<MongoError>(() => Eval(expression, document));
    }
}
