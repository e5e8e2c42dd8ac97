using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>delete: statements <c>{ q, limit: 0 | 1, hint, collation }</c>; replies <c>{ n, writeErrors? }</c>.</summary>
    [MongoCommand("delete")]
    private async ValueTask<BsonDocument> DeleteAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var statements = command.RequiredArray("deletes");
        var ordered = command.OptionalBool("ordered", defaultValue: true);
        var variables = command.LetVariables(Time.GetUtcNow().UtcDateTime);

        var (deleted, writeErrors) = await Storage.WriteAsync(writer =>
        {
            var errors = new BsonArray();
            long n = 0;
            var collection = writer.Collection(context.Database, collectionName);
            for (var i = 0; i < statements.Count; i++)
            {
                try
                {
                    if (!statements[i].IsBsonDocument) throw CommandArguments.WrongType(command, "deletes", statements[i], "object");
                    var statement = statements[i].AsBsonDocument;
                    var filterSpec = statement.OptionalDocument("q") ?? throw new MongoError(ErrorCode.Location40414, "BSON field 'delete.deletes.q' is missing but a required field");
                    var limit = statement.OptionalLong("limit") ?? throw new MongoError(ErrorCode.Location40414, "BSON field 'delete.deletes.limit' is missing but a required field");
                    if (limit is not (0 or 1)) throw MongoError.FailedToParse($"The limit field in delete objects must be 0 or 1. Got {limit}");
                    CommandArguments.RequireSimpleCollation(statement.GetValue("collation", BsonNull.Value));

                    var filter = Filter.Parse(filterSpec, FilterOptionsFor(collection, variables));
                    var hint = statement.GetValue("hint", BsonNull.Value);
                    var matches = MatchingDocuments(collection, filter, filterSpec, hint.IsBsonNull ? null : hint, limit == 1 ? 1 : null);
                    foreach (var match in matches)
                    {
                        writer.Delete(collection!, match.Stored.Id);
                        n++;
                    }
                }
                catch (MongoError error)
                {
                    errors.Add(error.ToWriteError(i));
                    if (ordered) break;
                }
            }
            return (n, errors);
        }, cancellationToken);

        Counters.AddDeletes(statements.Count);
        return WriteReply(deleted, writeErrors);
    }
}
