using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Update.Values;

namespace NextLevel.EmbeddedMongo.Update;

/// <summary>
/// An update: operator document (<c>$set</c>, <c>$inc</c>, ...), replacement document, or pipeline (array).
/// CONTRACT (owned by the Update part): Parse throws MongoError for invalid updates; Apply and BuildUpsertDocument
/// never modify their inputs.
/// [Immutable - ThreadSafe] once parsed: one instance may be applied to many documents concurrently.
/// </summary>
public sealed class UpdateSpec
{
    private readonly UpdateExecutor _executor;

    private UpdateSpec(UpdateExecutor executor) => _executor = executor;

    /// <summary>
    /// Parses an update as the update and findAndModify commands receive it: a document whose first field starts
    /// with '$' is an operator update, any other document (including <c>{}</c>) is a replacement, an array is a
    /// pipeline. <paramref name="variables"/> are the command's <c>let</c>/<c>c</c> constants, for pipelines and
    /// array filters.
    /// </summary>
    public static UpdateSpec Parse(BsonValue update, BsonArray? arrayFilters = null, IReadOnlyDictionary<string, BsonValue>? variables = null)
    {
        var hasArrayFilters = arrayFilters is { Count: > 0 };
        switch (update)
        {
            case BsonArray stages:
                if (hasArrayFilters) throw MongoError.FailedToParse("arrayFilters may not be specified for pipeline-style updates");
                return new UpdateSpec(new PipelineUpdate(stages, variables));
            case BsonDocument document when IsOperatorDocument(document):
                return new UpdateSpec(new ModifierUpdate(document, ArrayFilterSet.Parse(arrayFilters, variables)));
            case BsonDocument document:
                if (hasArrayFilters) throw MongoError.FailedToParse("arrayFilters may not be specified for replacement-style updates");
                return new UpdateSpec(new ReplacementUpdate(document));
            default:
                throw MongoError.FailedToParse("Update argument must be either an object or an array");
        }
    }

    /// <summary>
    /// Parses an update where only operators or a pipeline are allowed (updateOne/updateMany semantics, when the
    /// caller must refuse replacements): an empty or operator-free document throws FailedToParse
    /// "Update document requires atomic operators".
    /// </summary>
    public static UpdateSpec ParseOperators(BsonValue update, BsonArray? arrayFilters = null, IReadOnlyDictionary<string, BsonValue>? variables = null)
    {
        if (update is BsonDocument document && !IsOperatorDocument(document))
        {
            throw MongoError.FailedToParse("Update document requires atomic operators");
        }
        return Parse(update, arrayFilters, variables);
    }

    public bool IsReplacement => _executor is ReplacementUpdate;

    /// <summary>True for a pipeline-style update.</summary>
    public bool IsPipeline => _executor is PipelineUpdate;

    /// <summary>Applies the update to a copy of <paramref name="document"/>. Throws MongoError (e.g. ImmutableField 66).
    /// <see cref="UpdateOutcome.Modified"/> is false when the result is byte-for-byte the original (a no-op).</summary>
    public UpdateOutcome Apply(BsonDocument document, UpdateApplyContext context)
    {
        var result = _executor.Apply(document.DeepClone().AsBsonDocument, context, isInsert: false);
        IdField.EnsureStorable(result);
        return new UpdateOutcome(result, !BsonIdentity.AreIdentical(document, result));
    }

    /// <summary>
    /// The document an upsert inserts: equality fields of the filter, then the update (with $setOnInsert); for a
    /// replacement, the replacement plus the filter's _id. _id is placed first when present.
    /// This does NOT generate an _id: when the result has none, the command layer must add an ObjectId.
    /// </summary>
    public BsonDocument BuildUpsertDocument(BsonDocument filter, UpdateApplyContext context)
    {
        BsonDocument result;
        if (_executor is ReplacementUpdate replacement)
        {
            result = replacement.Replacement.DeepClone().AsBsonDocument;
            if (UpsertSeed.IdOf(filter) is { } id)
            {
                var seed = new BsonDocument(IdField.Name, id.DeepClone());
                result = IdField.KeepOriginalId(seed, result);
                IdField.EnsureUnchanged(seed, result);
            }
        }
        else
        {
            var seed = UpsertSeed.FromFilter(filter);
            // Nothing was matched for an insert, so a positional '$' must fail even if the caller passes match details.
            var insertContext = new UpdateApplyContext { Now = context.Now };
            result = _executor.Apply(seed.DeepClone().AsBsonDocument, insertContext, isInsert: true);
            IdField.EnsureUnchanged(seed, result);
        }
        result = IdField.First(result);
        IdField.EnsureStorable(result);
        return result;
    }

    private static bool IsOperatorDocument(BsonDocument document) =>
        document.ElementCount > 0 && document.GetElement(0).Name.StartsWith('$');
}

public sealed record UpdateOutcome(BsonDocument Document, bool Modified);

public sealed class UpdateApplyContext
{
    /// <summary>The array position the query matched, for the positional $ operator.</summary>
    public MatchDetails? Match { get; init; }

    public DateTime Now { get; init; } = DateTime.UtcNow;
}
