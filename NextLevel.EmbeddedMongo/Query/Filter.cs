using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Query.Parsing;

namespace NextLevel.EmbeddedMongo.Query;

/// <summary>
/// A compiled query filter (the <c>filter</c> of find, update, delete, $match, validators).
/// CONTRACT (owned by the Query part): Parse throws MongoError(BadValue/...) for an invalid filter;
/// Matches is pure and thread-safe.
/// </summary>
public abstract class Filter
{
    /// <summary>Compiles a filter document. Throws <see cref="Engine.MongoError"/> on invalid input.</summary>
    public static Filter Parse(BsonDocument spec, FilterOptions? options = null) =>
        new FilterParser(options ?? new FilterOptions()).ParseDocument(spec);

    /// <summary>True when the document matches. <paramref name="details"/>, when given, receives the array position
    /// that satisfied the filter (for the positional <c>$</c> operator in updates and projections).</summary>
    public abstract bool Matches(BsonDocument document, MatchDetails? details = null);
}

/// <summary>What the filter needs from its surroundings.</summary>
public sealed class FilterOptions
{
    /// <summary>Fields (dotted paths) and weights of the collection's text index, for <c>$text</c>; null when there is none.</summary>
    public IReadOnlyDictionary<string, int>? TextIndexFields { get; init; }

    /// <summary>Variables for <c>$expr</c> (from a command's <c>let</c>), without the leading $$.</summary>
    public IReadOnlyDictionary<string, BsonValue>? Variables { get; init; }

    /// <summary>The time $$NOW evaluates to.</summary>
    public DateTime Now { get; init; } = DateTime.UtcNow;
}

/// <summary>Filled by <see cref="Filter.Matches"/>: the array index matched, for positional operators.
/// Use a fresh instance (or reset it) per document.</summary>
public sealed class MatchDetails
{
    /// <summary>The position, within the first array on the matching path, of the element that matched.</summary>
    public int? ArrayIndex { get; set; }

    /// <summary>The <c>$text</c> relevance score of the document, when the filter has a <c>$text</c> clause
    /// (read by <c>{ $meta: "textScore" }</c> in projections and sorts).</summary>
    public double? TextScore { get; set; }
}
