using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

/// <summary>Collections held in memory for $lookup and $unionWith.</summary>
internal sealed class InMemoryHost : IAggregationHost
{
    public Dictionary<(string Database, string Collection), List<BsonDocument>> Collections { get; } = [];

    public int ScanCount { get; private set; }

    public InMemoryHost With(string collection, params string[] documents)
    {
        Collections[("test", collection)] = documents.Select(BsonDocument.Parse).ToList();
        return this;
    }

    public IEnumerable<BsonDocument> Scan(string database, string collection)
    {
        ScanCount++;
        return Collections.TryGetValue((database, collection), out var documents) ? documents : [];
    }
}

internal static class PipelineTestKit
{
    public static readonly DateTime Now = new(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    public static AggregationContext Context(InMemoryHost? host = null) => new() { Database = "test", Host = host ?? new InMemoryHost(), Now = Now };

    public static BsonArray Stages(string json) => BsonDocument.Parse("{ p: " + json + " }")["p"].AsBsonArray;

    public static Pipeline Parse(string stagesJson, InMemoryHost? host = null) => Pipeline.Parse(Stages(stagesJson), Context(host));

    public static List<BsonDocument> Run(string stagesJson, IEnumerable<string> documents, InMemoryHost? host = null) =>
        Parse(stagesJson, host).Execute(documents.Select(BsonDocument.Parse).ToList()).ToList();

    public static MongoError Fails(string stagesJson, IEnumerable<string>? documents = null) =>
        Assert.Throws<MongoError>(() => Run(stagesJson, documents ?? ["{ _id: 1 }"]));

    /// <summary>Exact comparison: same fields in the same order, same BSON types.</summary>
    public static void Equal(IEnumerable<string> expectedJson, IEnumerable<BsonDocument> actual)
    {
        var expected = expectedJson.Select(BsonDocument.Parse).ToList();
        var list = actual.ToList();
        Assert.True(expected.Count == list.Count && expected.Zip(list).All(p => p.First.Equals(p.Second)),
            $"expected {new BsonArray(expected).ToJson()}\n but was {new BsonArray(list).ToJson()}");
    }

}
