using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Bson;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>
/// A find-shaped query (filter, sort, skip, limit, projection) run over stored documents.
/// Without a projection the stored bytes are returned as they are (<see cref="RawBsonDocument"/>), so a reply
/// never re-serialises what it did not change; an empty filter without sort or projection does not even
/// deserialise. Results stream lazily unless a sort needs them all. Immutable; safe to run from several threads.
/// </summary>
internal sealed class DocumentQuery
{
    public required Filter Filter { get; init; }

    /// <summary>True when the filter is <c>{}</c>: every candidate matches without being read.</summary>
    public bool MatchesEverything { get; init; }

    public SortSpec? Sort { get; init; }

    public Projection? Projection { get; init; }

    /// <summary>
    /// The top-level fields an inclusion projection reads (with _id), or null when it needs whole documents: matches
    /// are then read with only these fields (<see cref="Aggregation.PipelineDependencies.FieldReader"/>).
    /// </summary>
    public IReadOnlySet<string>? ProjectedFields { get; init; }

    /// <summary>
    /// The fields a sort reads, when it is a plain one (no $meta): without a projection, matches are then sorted on
    /// just these fields read from the stored bytes, and only the page is returned, as stored.
    /// </summary>
    public IReadOnlySet<string>? SortFields { get; init; }

    public long Skip { get; init; }

    /// <summary>Maximum number of documents (positive), or null for all.</summary>
    public long? Limit { get; init; }

    public IEnumerable<BsonDocument> Run(IEnumerable<StoredDocument> source)
    {
        if (MatchesEverything && Sort is null && Projection is null)
            return Page(source).Select(stored => (BsonDocument)new RawBsonDocument(stored.Bytes));

        if (Sort is null && Projection is null) return Page(RawMatches(source)).Select(stored => (BsonDocument)new RawBsonDocument(stored.Bytes));

        if (Sort is not null && Projection is null && SortFields is not null)
        {
            var keys = new Aggregation.PipelineDependencies.FieldReader(SortFields);
            var sort = Sort;
            var sorted = RawMatches(source).Select(stored => (Key: keys.Read(stored.Bytes), Stored: stored)).OrderBy(match => match.Key, sort);
            return Page(sorted).Select(match => (BsonDocument)new RawBsonDocument(match.Stored.Bytes));
        }

        if (Sort is null && Projection is not null && ProjectedFields is not null)
        {
            var fields = new Aggregation.PipelineDependencies.FieldReader(ProjectedFields);
            return Page(RawMatches(source)).Select(stored => Projection.Apply(fields.Read(stored.Bytes)));
        }

        var matches = Matches(source);
        if (Sort is not null) matches = SortMatches(matches);
        return Page(matches).Select(Output);
    }

    /// <summary>The first <paramref name="count"/> candidates that pass the filter, in candidate order.</summary>
    public IEnumerable<StoredDocument> FirstMatches(IEnumerable<StoredDocument> source, long count)
    {
        var take = (int)Math.Min(count, int.MaxValue);
        return MatchesEverything ? source.Take(take) : RawMatches(source).Take(take);
    }

    /// <summary>
    /// The matching documents when nothing but the filter reads them: the filter reads the stored bytes in place
    /// (<see cref="StoredBsonDocument"/> decodes only the fields it is asked for) instead of deserialising each candidate.
    /// A document with a long array is deserialised as before: in place, each access to an element by position
    /// walks the array from its start.
    /// </summary>
    private IEnumerable<StoredDocument> RawMatches(IEnumerable<StoredDocument> source)
    {
        foreach (var stored in source)
        {
            if (!stored.IsReadableInPlace)
            {
                if (Filter.Matches(stored.ToBsonDocument())) yield return stored;
                continue;
            }
            using var document = new StoredBsonDocument(stored.Bytes);
            if (Filter.Matches(document)) yield return stored;
        }
    }

    /// <summary>The matching documents with their stored form, unsorted, for writes that modify them.</summary>
    public IEnumerable<Match> Matches(IEnumerable<StoredDocument> source)
    {
        foreach (var stored in source)
        {
            var document = stored.ToBsonDocument();
            var details = new MatchDetails();
            if (Filter.Matches(document, details)) yield return new Match(stored, document, details);
        }
    }

    /// <summary>A stable sort: documents that compare equal keep their candidate order.</summary>
    public IEnumerable<Match> SortMatches(IEnumerable<Match> matches)
    {
        if (Sort is null) return matches;
        var sort = Sort;
        return matches.OrderBy(m => m.Document, sort);
    }

    private IEnumerable<T> Page<T>(IEnumerable<T> items)
    {
        if (Skip > 0) items = items.Skip((int)Math.Min(Skip, int.MaxValue));
        if (Limit is > 0) items = items.Take((int)Math.Min(Limit.Value, int.MaxValue));
        return items;
    }

    private BsonDocument Output(Match match) =>
        Projection is null ? new RawBsonDocument(match.Stored.Bytes) : Projection.Apply(match.Document, match.Details);

    /// <summary>A document that passed the filter, with the array position it matched at (for positional $).</summary>
    internal sealed record Match(StoredDocument Stored, BsonDocument Document, MatchDetails Details);
}
