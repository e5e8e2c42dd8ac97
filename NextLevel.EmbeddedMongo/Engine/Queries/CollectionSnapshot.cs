using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Planner;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>
/// The candidate documents of a query, read through the planner's chosen plan under the read lock. Stored documents
/// are immutable byte arrays, so the snapshot can be filtered, sorted and returned over several getMores after the
/// lock is released, and later writes never show up half-way through a cursor.
/// </summary>
internal sealed class CollectionSnapshot
{
    private CollectionSnapshot(IReadOnlyList<StoredDocument> documents, QueryPlan? plan, IReadOnlyDictionary<string, int>? textIndexFields)
    {
        Documents = documents;
        Plan = plan;
        TextIndexFields = textIndexFields;
    }

    /// <summary>Candidates in the plan's order (a superset of the matches: the filter still decides).</summary>
    public IReadOnlyList<StoredDocument> Documents { get; }

    /// <summary>The plan the documents were read with; null when the collection does not exist.</summary>
    public QueryPlan? Plan { get; }

    /// <summary>True when <see cref="Documents"/> already come in the requested sort order.</summary>
    public bool ProvidesSort => Plan?.ProvidesSort ?? false;

    /// <summary>Fields of the collection's text index, for $text.</summary>
    public IReadOnlyDictionary<string, int>? TextIndexFields { get; }

    /// <summary>Plans and reads the candidates; call inside a storage read or write callback.</summary>
    public static CollectionSnapshot Capture(CollectionStore? collection, BsonDocument filter, BsonDocument? sort, BsonValue? hint)
    {
        if (collection is null) return new CollectionSnapshot([], null, null);
        var plan = QueryPlanner.Plan(collection, filter, sort, hint);
        return new CollectionSnapshot([.. plan.Candidates], plan, collection.TextIndexFields);
    }

    /// <summary>
    /// As <see cref="Capture"/> for a query that needs only its first <paramref name="needed"/> matches in the plan's
    /// order (skip plus limit, with no sort or a sort the plan gives): candidates are filtered as they are read, and
    /// reading stops at the last one needed, so a page of a grid walks a page of the index, not the whole of it.
    /// </summary>
    public static CollectionSnapshot CaptureFirst(CollectionStore? collection, BsonDocument filter, BsonDocument? sort, BsonValue? hint,
        long needed, IReadOnlyDictionary<string, BsonValue>? variables, DateTime now)
    {
        if (collection is null) return new CollectionSnapshot([], null, null);
        var plan = QueryPlanner.Plan(collection, filter, sort, hint);
        if (sort is { ElementCount: > 0 } && !plan.ProvidesSort) return new CollectionSnapshot([.. plan.Candidates], plan, collection.TextIndexFields);
        var query = new DocumentQuery
        {
            Filter = Query.Filter.Parse(filter, new FilterOptions { TextIndexFields = collection.TextIndexFields, Variables = variables, Now = now }),
            MatchesEverything = filter.ElementCount == 0,
        };
        return new CollectionSnapshot([.. query.FirstMatches(plan.Candidates, needed)], plan, collection.TextIndexFields);
    }

    public FilterOptions FilterOptions(IReadOnlyDictionary<string, BsonValue>? variables, DateTime now) =>
        new() { TextIndexFields = TextIndexFields, Variables = variables, Now = now };

    /// <summary>explain's winningPlan: the access stage (EOF for a missing collection) under the stages that follow it.</summary>
    public BsonDocument WinningPlan(BsonDocument filter, BsonDocument? sort, bool hasProjection, long skip, long? limit)
    {
        BsonDocument stage;
        if (Plan is null)
        {
            stage = new BsonDocument("stage", "EOF");
        }
        else
        {
            stage = Plan.ToExplainDocument();
            if (filter.ElementCount > 0) stage.InsertAt(1, new BsonElement("filter", filter));
        }
        if (sort is { ElementCount: > 0 } && !ProvidesSort)
            stage = new BsonDocument { { "stage", "SORT" }, { "sortPattern", sort }, { "memLimit", 104857600 }, { "type", "simple" }, { "inputStage", stage } };
        if (skip > 0) stage = new BsonDocument { { "stage", "SKIP" }, { "skipAmount", skip }, { "inputStage", stage } };
        if (limit is > 0) stage = new BsonDocument { { "stage", "LIMIT" }, { "limitAmount", limit.Value }, { "inputStage", stage } };
        if (hasProjection) stage = new BsonDocument { { "stage", "PROJECTION_DEFAULT" }, { "inputStage", stage } };
        return stage;
    }
}
