using MongoDB.Bson;
using MongoDB.Bson.IO;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Update;

namespace NextLevel.EmbeddedMongo.Tests.Update;

/// <summary>Helpers: apply updates written as shell JSON and compare results exactly (types and field order).</summary>
internal static class UpdateAssert
{
    public static readonly DateTime Now = new(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);

    private static readonly JsonWriterSettings Canonical = new() { OutputMode = JsonOutputMode.CanonicalExtendedJson };

    public static UpdateOutcome Apply(string document, string update, string? arrayFilters = null, int? matchedIndex = null)
    {
        var spec = UpdateSpec.Parse(ParseUpdate(update), arrayFilters is null ? null : ParseArray(arrayFilters));
        return spec.Apply(BsonDocument.Parse(document), Context(matchedIndex));
    }

    public static UpdateApplyContext Context(int? matchedIndex = null) => new()
    {
        Now = Now,
        Match = matchedIndex is null ? null : new MatchDetails { ArrayIndex = matchedIndex },
    };

    /// <summary>Applies and checks the exact result document and that it counts as modified.</summary>
    public static void Yields(string document, string update, string expected, string? arrayFilters = null, int? matchedIndex = null)
    {
        var outcome = Apply(document, update, arrayFilters, matchedIndex);
        Same(expected, outcome.Document);
        Assert.True(outcome.Modified, "expected the update to modify the document");
    }

    public static void IsNoOp(string document, string update, string? arrayFilters = null, int? matchedIndex = null)
    {
        var outcome = Apply(document, update, arrayFilters, matchedIndex);
        Same(document, outcome.Document);
        Assert.False(outcome.Modified, "expected a no-op");
    }

    public static void Same(string expected, BsonDocument actual) =>
        Assert.Equal(BsonDocument.Parse(expected).ToJson(Canonical), actual.ToJson(Canonical));

    public static MongoError Fails(string document, string update, string? arrayFilters = null, int? matchedIndex = null) =>
        Assert.Throws<MongoError>(() => Apply(document, update, arrayFilters, matchedIndex));

    public static MongoError FailsToParse(string update, string? arrayFilters = null) =>
        Assert.Throws<MongoError>(() => UpdateSpec.Parse(ParseUpdate(update), arrayFilters is null ? null : ParseArray(arrayFilters)));

    public static void HasError(MongoError error, int code, string message)
    {
        Assert.Equal(message, error.Message);
        Assert.Equal(code, error.Code);
    }

    public static BsonValue ParseUpdate(string update) =>
        update.TrimStart().StartsWith('[') ? ParseArray(update) : BsonDocument.Parse(update);

    public static BsonArray ParseArray(string json) =>
        MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonArray>(json);
}
