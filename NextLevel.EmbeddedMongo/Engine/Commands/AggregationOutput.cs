using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation;
using NextLevel.EmbeddedMongo.Engine.Writes;
using NextLevel.EmbeddedMongo.Planner;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>Writes the documents a pipeline produced into the target of its terminal $out or $merge.</summary>
    private async Task WriteAggregationOutputAsync(OutputStage output, List<BsonDocument> documents, bool bypassDocumentValidation, CancellationToken cancellationToken)
    {
        switch (output)
        {
            case OutStage:
                await Storage.WriteAsync(writer => ReplaceCollection(writer, output, documents, bypassDocumentValidation), cancellationToken);
                break;
            case MergeStage merge:
                await Storage.WriteAsync(writer => MergeIntoCollection(writer, merge, documents, bypassDocumentValidation), cancellationToken);
                break;
            default:
                throw new MongoError(ErrorCode.NotImplemented, $"aggregation output stage {output.GetType().Name} is not supported");
        }
        Cursors.DropNamespace(output.Database, output.Collection);
    }

    /// <summary>
    /// $out: the results go into a temporary collection carrying the target's options and indexes, which then
    /// replaces the target in one rename, so a failure (duplicate key, validation) leaves the target untouched.
    /// </summary>
    private bool ReplaceCollection(StorageWriter writer, OutputStage output, List<BsonDocument> documents, bool bypassDocumentValidation)
    {
        var existing = writer.Collection(output.Database, output.Collection);
        var temporaryName = "tmp.agg_out." + Guid.NewGuid().ToString("N");
        var temporary = writer.CreateCollection(output.Database, temporaryName, existing?.Options ?? CollectionOptions.Default);
        try
        {
            foreach (var index in existing?.Indexes ?? [])
            {
                if (!index.Definition.IsIdIndex) writer.CreateIndex(temporary, index.Definition);
            }
            var validator = DocumentValidator.For(temporary.Options, bypassDocumentValidation, FilterOptionsFor(temporary, null));
            foreach (var document in documents)
            {
                var prepared = DocumentRules.PrepareForInsert(document);
                validator?.CheckInsert(prepared);
                writer.Insert(temporary, prepared);
            }
        }
        catch (MongoError)
        {
            writer.DropCollection(output.Database, temporaryName);
            throw;
        }
        writer.RenameCollection(output.Database, temporaryName, output.Database, output.Collection, dropTarget: true);
        return true;
    }

    /// <summary>
    /// $merge: each result is matched to a target document by its 'on' fields (which need a unique index unless
    /// they are _id), then stored as whenMatched/whenNotMatched say.
    /// </summary>
    private bool MergeIntoCollection(StorageWriter writer, MergeStage merge, List<BsonDocument> documents, bool bypassDocumentValidation)
    {
        var onId = merge.On.Count == 1 && merge.On[0] == "_id";
        var target = writer.Collection(merge.Database, merge.Collection);
        if (!onId && (target is null || !HasUniqueIndexOn(target, merge.On)))
            throw MongoError.Location(51183, "Cannot find index to verify that join fields will be unique");
        target ??= writer.GetOrCreateCollection(merge.Database, merge.Collection);

        var filterOptions = FilterOptionsFor(target, null);
        var validator = DocumentValidator.For(target.Options, bypassDocumentValidation, filterOptions);
        foreach (var result in documents)
        {
            var incoming = onId ? DocumentRules.PrepareForInsert(result) : result;
            var match = MergeFilter(incoming, merge.On);
            var existing = new Queries.DocumentQuery { Filter = Filter.Parse(match, filterOptions) }
                .Matches(QueryPlanner.Plan(target, match, null, null).Candidates.ToList())
                .FirstOrDefault();

            if (existing is null)
            {
                if (!merge.ShouldInsertUnmatched()) continue;
                var inserted = DocumentRules.PrepareForInsert(incoming);
                validator?.CheckInsert(inserted);
                writer.Insert(target, inserted);
                continue;
            }

            if (merge.WhenMatched == MergeWhenMatched.Fail) throw MergeDuplicate(merge, match);
            var resolved = merge.ResolveMatched(existing.Document, incoming);
            if (ReferenceEquals(resolved, existing.Document)) continue;
            var updated = DocumentRules.KeepId(existing.Document, resolved);
            validator?.CheckUpdate(existing.Document, updated);
            writer.Replace(target, existing.Stored.Id, updated);
        }
        return true;
    }

    /// <summary>An equality filter on the 'on' fields of a result; each must be present and not an array.</summary>
    private static BsonDocument MergeFilter(BsonDocument incoming, IReadOnlyList<string> on)
    {
        var filter = new BsonDocument();
        foreach (var field in on)
        {
            var value = Bson.DocumentPath.GetValueOrMissing(incoming, field);
            if (value is null || value.IsBsonNull || value.IsBsonUndefined || value.IsBsonArray)
                throw MongoError.Location(51132, "$merge write error: 'on' field cannot be missing, null, undefined or an array");
            filter.Add(field, new BsonDocument("$eq", value));
        }
        return filter;
    }

    /// <summary>whenMatched "fail" reports the match as the duplicate key error MongoDB raises for it.</summary>
    private static MongoError MergeDuplicate(MergeStage merge, BsonDocument match)
    {
        var keyPattern = new BsonDocument();
        var keyValue = new BsonDocument();
        foreach (var element in match)
        {
            keyPattern.Add(element.Name, 1);
            keyValue.Add(element.Name, element.Value["$eq"]);
        }
        return new MongoError(ErrorCode.DuplicateKey,
            $"E11000 duplicate key error collection: {merge.Database}.{merge.Collection} dup key: {keyValue}",
            new BsonDocument { { "keyPattern", keyPattern }, { "keyValue", keyValue } });
    }

    private static bool HasUniqueIndexOn(CollectionStore collection, IReadOnlyList<string> fields) =>
        collection.Indexes.Any(index => index.Definition.Unique
            && index.Definition.PartialFilterExpression is null
            && index.Definition.Key.ElementCount == fields.Count
            && index.Definition.Key.Names.All(fields.Contains));
}
