using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Tests.Query;

internal static class QueryTestHelpers
{
    public static bool Matches(string filter, string document, FilterOptions? options = null) =>
        Filter.Parse(BsonDocument.Parse(filter), options).Matches(BsonDocument.Parse(document));

    public static MongoError ParseError(string filter, FilterOptions? options = null) =>
        Assert.Throws<MongoError>(() => Filter.Parse(BsonDocument.Parse(filter), options));

    public static int? MatchedArrayIndex(string filter, string document)
    {
        var details = new MatchDetails();
        Assert.True(Filter.Parse(BsonDocument.Parse(filter)).Matches(BsonDocument.Parse(document), details));
        return details.ArrayIndex;
    }
}
