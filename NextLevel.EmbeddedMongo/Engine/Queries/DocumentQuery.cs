using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>
/// A find-shaped query (filter, sort, skip, limit, projection) run over stored documents.
/// Without a projection the stored bytes are returned as they are (<see cref="RawBsonDocument"/>), so a reply
/// never re-serialises what it did not change. Results stream lazily unless a sort needs them all.
/// Immutable; safe to run from several threads.
/// </summary>
internal sealed class DocumentQuery
{
    public required Filter Filter { get; init; }

    public SortSpec? Sort { get; init; }

    public Projection? Projection { get; init; }

    public long Skip { get; init; }

    /// <summary>Maximum number of documents (positive), or null for all.</summary>
    public long? Limit { get; init; }

    /// <summary>Documents examined by the last run (for explain's executionStats).</summary>
    public long Examined => Interlocked.Read(ref _examined);

    private long _examined;

    public IEnumerable<BsonDocument> Run(IEnumerable<StoredDocument> source)
    {
        var matches = Matches(source);
        if (Sort is not null) matches = SortMatches(matches);
        if (Skip > 0) matches = matches.Skip(checked((int)Math.Min(Skip, int.MaxValue)));
        if (Limit is > 0) matches = matches.Take(checked((int)Math.Min(Limit.Value, int.MaxValue)));
        return matches.Select(Output);
    }

    /// <summary>The matching documents with their stored form, unsorted, for writes that modify them.</summary>
    public IEnumerable<Match> Matches(IEnumerable<StoredDocument> source)
    {
        foreach (var stored in source)
        {
            Interlocked.Increment(ref _examined);
            var document = stored.ToBsonDocument();
            var details = new MatchDetails();
            if (Filter.Matches(document, details)) yield return new Match(stored, document, details);
        }
    }

    /// <summary>A stable sort: documents that compare equal keep their natural order, as MongoDB's does in practice.</summary>
    public IEnumerable<Match> SortMatches(IEnumerable<Match> matches)
    {
        if (Sort is null) return matches;
        var sort = Sort;
        return matches.OrderBy(m => m.Document, sort);
    }

    private BsonDocument Output(Match match) =>
        Projection is null ? new RawBsonDocument(match.Stored.Bytes) : Projection.Apply(match.Document, match.Details);

    /// <summary>A document that passed the filter, with the array position it matched at (for positional $).</summary>
    internal sealed record Match(StoredDocument Stored, BsonDocument Document, MatchDetails Details);
}
