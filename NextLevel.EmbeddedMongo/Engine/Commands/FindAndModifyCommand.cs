using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine.Queries;
using NextLevel.EmbeddedMongo.Engine.Writes;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Update;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>
    /// findAndModify: finds the first document (by sort), then updates, replaces or removes it, or upserts.
    /// The find and the change run in one write callback, so concurrent claims of one document are exclusive.
    /// Replies <c>{ lastErrorObject: { n, updatedExisting, upserted? }, value, ok }</c>.
    /// </summary>
    [MongoCommand("findAndModify", "findandmodify")]
    private async ValueTask<BsonDocument> FindAndModifyAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var filterSpec = command.OptionalDocument("query") ?? [];
        var sortSpec = command.OptionalDocument("sort");
        var fieldsSpec = command.OptionalDocument("fields");
        var remove = command.OptionalBool("remove");
        var returnNew = command.OptionalBool("new");
        var upsert = command.OptionalBool("upsert");
        var bypassValidation = command.OptionalBool("bypassDocumentValidation");
        var hint = command.GetValue("hint", BsonNull.Value);
        var variables = command.LetVariables(Time.GetUtcNow().UtcDateTime);
        CommandArguments.RequireSimpleCollation(command.GetValue("collation", BsonNull.Value));
        var hasUpdate = command.TryGetValue("update", out var updateValue) && !updateValue.IsBsonNull;

        if (remove && hasUpdate) throw MongoError.FailedToParse("Cannot specify both an update and remove=true");
        if (!remove && !hasUpdate) throw MongoError.FailedToParse("Either an update or remove=true must be specified");
        if (remove && upsert) throw MongoError.FailedToParse("Cannot specify both upsert=true and remove=true ");
        if (remove && returnNew) throw MongoError.FailedToParse("Cannot specify both new=true and remove=true; 'remove' always returns the deleted document");

        var update = hasUpdate ? UpdateSpec.Parse(updateValue, command.OptionalArray("arrayFilters"), variables) : null;
        var sort = sortSpec is { ElementCount: > 0 } ? SortSpec.Parse(sortSpec) : null;

        var reply = await Storage.WriteAsync(writer =>
        {
            var collection = writer.Collection(context.Database, collectionName);
            var filterOptions = FilterOptionsFor(collection, variables);
            var filter = Filter.Parse(filterSpec, filterOptions);
            var projection = fieldsSpec is { ElementCount: > 0 } ? Projection.Parse(fieldsSpec, filterOptions) : null;
            // Without a sort the first match is the target, so reading can stop there.
            var matches = MatchingDocuments(collection, filter, filterSpec, hint.IsBsonNull ? null : hint, sort is null ? 1 : null);
            var target = new DocumentQuery { Filter = filter, Sort = sort }.SortMatches(matches).FirstOrDefault();

            if (target is null)
            {
                if (!upsert || update is null) return ModifyReply(new BsonDocument { { "n", 0 }, { "updatedExisting", false } }, null);
                var created = writer.GetOrCreateCollection(context.Database, collectionName);
                var document = DocumentRules.PrepareForInsert(update.BuildUpsertDocument(filterSpec, new UpdateApplyContext { Now = filterOptions.Now }));
                DocumentValidator.For(created.Options, bypassValidation, filterOptions)?.CheckInsert(document);
                writer.Insert(created, document);
                return ModifyReply(
                    new BsonDocument { { "n", 1 }, { "updatedExisting", false }, { "upserted", document["_id"] } },
                    returnNew ? Project(projection, document, null) : null);
            }

            if (remove)
            {
                writer.Delete(collection!, target.Stored.Id);
                return ModifyReply(new BsonDocument("n", 1), Project(projection, target.Document, target.Details));
            }

            var outcome = update!.Apply(target.Document, new UpdateApplyContext { Match = target.Details, Now = filterOptions.Now });
            var after = target.Document;
            if (outcome.Modified)
            {
                after = DocumentRules.KeepId(target.Document, outcome.Document);
                DocumentValidator.For(collection!.Options, bypassValidation, filterOptions)?.CheckUpdate(target.Document, after);
                writer.Replace(collection, target.Stored.Id, after);
            }
            return ModifyReply(
                new BsonDocument { { "n", 1 }, { "updatedExisting", true } },
                Project(projection, returnNew ? after : target.Document, target.Details));
        }, cancellationToken);
        return reply;
    }

    private static BsonDocument Project(Projection? projection, BsonDocument document, MatchDetails? details) =>
        projection is null ? document : projection.Apply(document, details);

    private static BsonDocument ModifyReply(BsonDocument lastErrorObject, BsonDocument? value) => new()
    {
        { "lastErrorObject", lastErrorObject },
        { "value", (BsonValue?)value ?? BsonNull.Value },
        { "ok", 1.0 },
    };
}
