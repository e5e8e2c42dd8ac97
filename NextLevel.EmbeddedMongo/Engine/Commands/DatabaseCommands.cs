using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Query;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>dropDatabase: removes every collection of the database; succeeds when it does not exist.</summary>
    [MongoCommand("dropDatabase")]
    private async ValueTask<BsonDocument> DropDatabaseAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        await Storage.WriteAsync(writer => writer.DropDatabase(context.Database), cancellationToken);
        Cursors.DropNamespace(context.Database, null);
        return new BsonDocument("ok", 1.0);
    }

    /// <summary>listCollections: <c>{ name, type, options, info, idIndex }</c> per collection, filtered, as a cursor.</summary>
    [MongoCommand("listCollections")]
    private ValueTask<BsonDocument> ListCollectionsAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var filterSpec = command.OptionalDocument("filter") ?? [];
        var nameOnly = command.OptionalBool("nameOnly");
        var batchSize = command.OptionalDocument("cursor")?.OptionalLong("batchSize");
        var filter = Filter.Parse(filterSpec, new FilterOptions { Now = Time.GetUtcNow().UtcDateTime });

        var entries = Storage.Read(reader => reader.Collections(context.Database).Select(c => c.ToListCollectionsDocument()).ToList());
        var results = entries
            .Where(entry => filter.Matches(entry))
            .Select(entry => nameOnly ? new BsonDocument { { "name", entry["name"] }, { "type", entry["type"] } } : entry);
        var (batch, cursorId) = Cursors.Open(context.Database, "$cmd.listCollections", context, SessionIdOf(command), results,
            batchSize is null ? int.MaxValue : (int)Math.Min(batchSize.Value, int.MaxValue), singleBatch: false);
        return ValueTask.FromResult(CursorReply(context.Database, "$cmd.listCollections", "firstBatch", batch, cursorId));
    }

    /// <summary>listDatabases (admin): name, sizeOnDisk and empty per database, with totalSize.</summary>
    [MongoCommand("listDatabases")]
    private ValueTask<BsonDocument> ListDatabasesAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        if (context.Database != "admin")
            throw new MongoError(ErrorCode.Unauthorized, "listDatabases may only be run against the admin database.");
        var nameOnly = command.OptionalBool("nameOnly");
        var filterSpec = command.OptionalDocument("filter") ?? [];
        var filter = Filter.Parse(filterSpec, new FilterOptions { Now = Time.GetUtcNow().UtcDateTime });

        var databases = Storage.Read(reader => reader.DatabaseNames
            .Select(name =>
            {
                var collections = reader.Collections(name);
                var size = collections.Sum(CollectionStorageSize);
                return new BsonDocument { { "name", name }, { "sizeOnDisk", size }, { "empty", collections.Count == 0 } };
            })
            .ToList());

        var listed = new BsonArray();
        long totalSize = 0;
        foreach (var database in databases.Where(d => filter.Matches(d)))
        {
            totalSize += database["sizeOnDisk"].ToInt64();
            listed.Add(nameOnly ? new BsonDocument("name", database["name"]) : database);
        }
        var reply = new BsonDocument("databases", listed);
        if (!nameOnly)
        {
            reply.Add("totalSize", totalSize);
            reply.Add("totalSizeMb", totalSize / (1024 * 1024));
        }
        reply.Add("ok", 1.0);
        return ValueTask.FromResult(reply);
    }

    /// <summary>Bytes a collection occupies: its documents plus an estimate for its indexes.</summary>
    private static long CollectionStorageSize(CollectionStore collection) => collection.DataSize + IndexSizes(collection).Sum(s => s.Size);
}
