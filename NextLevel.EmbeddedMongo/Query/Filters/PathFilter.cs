using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Query.Predicates;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query.Filters;

/// <summary>A leaf operator applied to the candidate values of one dotted path: true when any candidate passes.</summary>
internal sealed class PathFilter(DocumentPath path, ValueTest test) : Filter
{
    private readonly bool _expandLeafArrays = test.ExpandsLeafArrays;

    public DocumentPath Path { get; } = path;

    public override bool Matches(BsonDocument document, MatchDetails? details = null)
    {
        if (!Path.AnyMatch(document, test, _expandLeafArrays, out var position)) return false;
        if (details is not null && position >= 0) details.ArrayIndex = position;
        return true;
    }
}
