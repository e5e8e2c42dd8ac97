using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query.Filters;

/// <summary><c>$and</c>, and the implicit conjunction of a filter document's fields.</summary>
internal sealed class AndFilter(IReadOnlyList<Filter> children) : Filter
{
    private readonly Filter[] _children = [.. children];

    public override bool Matches(BsonDocument document, MatchDetails? details = null)
    {
        foreach (var child in _children)
        {
            if (!child.Matches(document, details))
            {
                // A position recorded by an earlier clause must not leak into another $or branch that matches.
                if (details is not null) details.ArrayIndex = null;
                return false;
            }
        }
        return true;
    }
}

/// <summary><c>$or</c>: some clause matches.</summary>
internal sealed class OrFilter(IReadOnlyList<Filter> children) : Filter
{
    private readonly Filter[] _children = [.. children];

    public override bool Matches(BsonDocument document, MatchDetails? details = null)
    {
        foreach (var child in _children)
        {
            if (child.Matches(document, details)) return true;
        }
        return false;
    }
}

/// <summary><c>$nor</c>: no clause matches.</summary>
internal sealed class NorFilter(IReadOnlyList<Filter> children) : Filter
{
    private readonly Filter[] _children = [.. children];

    public override bool Matches(BsonDocument document, MatchDetails? details = null)
    {
        foreach (var child in _children)
        {
            if (child.Matches(document)) return false;
        }
        return true;
    }
}

/// <summary>Negation at document level: <c>$not</c>, <c>$ne</c>, <c>$nin</c>, <c>$exists: false</c>
/// (so <c>{ a: { $ne: 1 } }</c> rejects arrays that contain 1).</summary>
internal sealed class NotFilter(Filter inner) : Filter
{
    public override bool Matches(BsonDocument document, MatchDetails? details = null) => !inner.Matches(document);
}

/// <summary>The empty filter, <c>$alwaysTrue</c> and <c>$alwaysFalse</c>.</summary>
internal sealed class ConstantFilter : Filter
{
    public static readonly ConstantFilter True = new(true);
    public static readonly ConstantFilter False = new(false);

    private readonly bool _result;

    private ConstantFilter(bool result) => _result = result;

    public override bool Matches(BsonDocument document, MatchDetails? details = null) => _result;
}
