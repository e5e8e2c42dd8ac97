using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine.Writes;
using NextLevel.EmbeddedMongo.Wire;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>
    /// insert: documents in order; ordered (default) stops at the first failure, unordered reports every failure.
    /// Each document gets an ObjectId _id when it has none, and passes the collection validator.
    /// </summary>
    [MongoCommand("insert")]
    private async ValueTask<BsonDocument> InsertAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var documents = command.RequiredArray("documents");
        var ordered = command.OptionalBool("ordered", defaultValue: true);
        var bypassValidation = command.OptionalBool("bypassDocumentValidation");

        // Preparing (id generation, size) needs no lock; a failure is reported at its index.
        // A document stored exactly as received keeps its received bytes (no second serialisation).
        var prepared = new (BsonDocument? Document, byte[]? Encoded, MongoError? Error)[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            try
            {
                if (!documents[i].IsBsonDocument) throw CommandArguments.WrongType(command, "documents", documents[i], "object");
                var document = documents[i].AsBsonDocument;
                var ready = DocumentRules.PrepareForInsert(document);
                var encoded = ReferenceEquals(ready, document) && document is ReceivedDocument received ? received.Bytes : null;
                prepared[i] = (ready, encoded, null);
            }
            catch (MongoError error)
            {
                prepared[i] = (null, null, error);
            }
        }

        var (inserted, writeErrors) = await Storage.WriteAsync(writer =>
        {
            var collection = writer.GetOrCreateCollection(context.Database, collectionName);
            var validator = DocumentValidator.For(collection.Options, bypassValidation, FilterOptionsFor(collection, null));
            var errors = new BsonArray();
            long n = 0;
            for (var i = 0; i < prepared.Length; i++)
            {
                try
                {
                    var (document, encoded, error) = prepared[i];
                    if (error is not null) throw error;
                    validator?.CheckInsert(document!);
                    writer.Insert(collection, document!, encoded);
                    n++;
                }
                catch (MongoError error)
                {
                    errors.Add(error.ToWriteError(i));
                    if (ordered) break;
                }
            }
            return (n, errors);
        }, cancellationToken);

        Counters.AddInserts(inserted);
        return WriteReply(inserted, writeErrors);
    }
}
