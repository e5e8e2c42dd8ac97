using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine.Writes;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;
using NextLevel.EmbeddedMongo.Update;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>Fields of an update statement in MongoDB 7.0 (a statement-level <c>sort</c> arrived in 8.0).</summary>
    private static readonly HashSet<string> UpdateStatementFields = new(StringComparer.Ordinal)
    {
        "q", "u", "c", "upsert", "multi", "arrayFilters", "hint", "collation", "upsertSupplied", "sampleId",
    };

    /// <summary>
    /// update: statements <c>{ q, u, upsert, multi, arrayFilters, hint, collation }</c>, applied in order in one
    /// write, replying <c>{ n, nModified, upserted: [{ index, _id }], writeErrors }</c>.
    /// </summary>
    [MongoCommand("update")]
    private async ValueTask<BsonDocument> UpdateAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var statements = command.RequiredArray("updates");
        var ordered = command.OptionalBool("ordered", defaultValue: true);
        var bypassValidation = command.OptionalBool("bypassDocumentValidation");
        var variables = command.LetVariables(Time.GetUtcNow().UtcDateTime);
        // Like MongoDB's command parser, an unknown statement field fails the whole command before any write.
        foreach (var field in statements.OfType<BsonDocument>().SelectMany(s => s.Names))
        {
            if (!UpdateStatementFields.Contains(field))
                throw MongoError.Location(40415, $"BSON field 'update.updates.{field}' is an unknown field.");
        }

        var result = await Storage.WriteAsync(writer =>
        {
            var totals = new UpdateTotals();
            for (var i = 0; i < statements.Count; i++)
            {
                try
                {
                    if (!statements[i].IsBsonDocument) throw CommandArguments.WrongType(command, "updates", statements[i], "object");
                    ApplyUpdateStatement(writer, context.Database, collectionName, statements[i].AsBsonDocument, i, bypassValidation, variables, totals);
                }
                catch (MongoError error)
                {
                    totals.WriteErrors.Add(error.ToWriteError(i));
                    if (ordered) break;
                }
            }
            return totals;
        }, cancellationToken);

        Counters.AddUpdates(statements.Count);
        var extra = new BsonDocument("nModified", result.Modified);
        if (result.Upserted.Count > 0) extra.Add("upserted", result.Upserted);
        return WriteReply(result.Matched, result.WriteErrors, extra);
    }

    private void ApplyUpdateStatement(
        StorageWriter writer, string database, string collectionName, BsonDocument statement, int index,
        bool bypassValidation, IReadOnlyDictionary<string, BsonValue>? commandVariables, UpdateTotals totals)
    {
        var filterSpec = statement.OptionalDocument("q") ?? throw new MongoError(ErrorCode.Location40414, "BSON field 'update.updates.q' is missing but a required field");
        if (!statement.TryGetValue("u", out var updateValue))
            throw new MongoError(ErrorCode.Location40414, "BSON field 'update.updates.u' is missing but a required field");
        CommandArguments.RequireSimpleCollation(statement.GetValue("collation", BsonNull.Value));
        var multi = statement.OptionalBool("multi");
        var upsert = statement.OptionalBool("upsert");
        var variables = MergeVariables(commandVariables, statement.OptionalDocument("c"));

        var collection = writer.Collection(database, collectionName);
        var filterOptions = FilterOptionsFor(collection, variables);
        var filter = Filter.Parse(filterSpec, filterOptions);
        var update = UpdateSpec.Parse(updateValue, statement.OptionalArray("arrayFilters"), variables);
        if (multi && update.IsReplacement)
            throw MongoError.FailedToParse("multi update is not supported for replacement-style update");

        var hint = statement.GetValue("hint", BsonNull.Value);
        var matches = MatchingDocuments(collection, filter, filterSpec, hint.IsBsonNull ? null : hint, multi ? null : 1);

        if (matches.Count == 0)
        {
            if (!upsert) return;
            var created = writer.GetOrCreateCollection(database, collectionName);
            var document = DocumentRules.PrepareForInsert(update.BuildUpsertDocument(filterSpec, new UpdateApplyContext { Now = filterOptions.Now }));
            DocumentValidator.For(created.Options, bypassValidation, filterOptions)?.CheckInsert(document);
            writer.Insert(created, document);
            totals.Matched += 1;
            totals.Upserted.Add(new BsonDocument { { "index", index }, { "_id", document["_id"] } });
            return;
        }

        var validator = DocumentValidator.For(collection!.Options, bypassValidation, filterOptions);
        foreach (var match in matches)
        {
            var outcome = update.Apply(match.Document, new UpdateApplyContext { Match = match.Details, Now = filterOptions.Now });
            totals.Matched += 1;
            if (!outcome.Modified) continue;
            var updated = DocumentRules.KeepId(match.Document, outcome.Document);
            validator?.CheckUpdate(match.Document, updated);
            writer.Replace(collection, match.Stored.Id, updated);
            totals.Modified += 1;
        }
    }

    /// <summary>A statement's constants (<c>c</c>) add to the command's <c>let</c> variables.</summary>
    private static IReadOnlyDictionary<string, BsonValue>? MergeVariables(IReadOnlyDictionary<string, BsonValue>? variables, BsonDocument? constants)
    {
        if (constants is null) return variables;
        var merged = variables is null ? new Dictionary<string, BsonValue>(StringComparer.Ordinal) : new Dictionary<string, BsonValue>(variables, StringComparer.Ordinal);
        foreach (var element in constants) merged[element.Name] = element.Value;
        return merged;
    }

    private sealed class UpdateTotals
    {
        public long Matched { get; set; }

        public long Modified { get; set; }

        public BsonArray Upserted { get; } = [];

        public BsonArray WriteErrors { get; } = [];
    }
}
