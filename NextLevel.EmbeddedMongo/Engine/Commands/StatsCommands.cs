using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>collStats: sizes and counts of one collection (zeros when it does not exist), divided by <c>scale</c>.</summary>
    [MongoCommand("collStats")]
    private ValueTask<BsonDocument> CollStatsAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var scale = Scale(command);
        var reply = Storage.Read(reader =>
        {
            var collection = reader.Collection(context.Database, collectionName);
            var count = collection?.Count ?? 0;
            var size = collection?.DataSize ?? 0;
            var indexSizes = new BsonDocument();
            long totalIndexSize = 0;
            foreach (var (name, indexSize) in collection is null ? [] : IndexSizes(collection))
            {
                indexSizes.Add(name, indexSize / scale);
                totalIndexSize += indexSize;
            }
            return new BsonDocument
            {
                { "ns", context.Database + "." + collectionName },
                { "size", size / scale },
                { "count", count },
                { "avgObjSize", count == 0 ? 0 : size / count },
                { "storageSize", size / scale },
                { "freeStorageSize", 0 },
                { "capped", false },
                { "nindexes", collection?.Indexes.Count ?? 0 },
                { "indexBuilds", new BsonArray() },
                { "totalIndexSize", totalIndexSize / scale },
                { "totalSize", (size + totalIndexSize) / scale },
                { "indexSizes", indexSizes },
                { "scaleFactor", scale },
                { "ok", 1.0 },
            };
        });
        return ValueTask.FromResult(reply);
    }

    /// <summary>dbStats: collections, objects and sizes of one database, divided by <c>scale</c>.</summary>
    [MongoCommand("dbStats")]
    private ValueTask<BsonDocument> DbStatsAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var scale = Scale(command);
        var reply = Storage.Read(reader =>
        {
            var collections = reader.Collections(context.Database);
            long objects = collections.Sum(c => c.Count);
            long dataSize = collections.Sum(c => c.DataSize);
            long indexSize = collections.Sum(c => IndexSizes(c).Sum(s => s.Size));
            return new BsonDocument
            {
                { "db", context.Database },
                { "collections", collections.Count },
                { "views", 0 },
                { "objects", objects },
                { "avgObjSize", objects == 0 ? 0.0 : (double)dataSize / objects },
                { "dataSize", (double)dataSize / scale },
                { "storageSize", (double)dataSize / scale },
                { "indexes", collections.Sum(c => c.Indexes.Count) },
                { "indexSize", (double)indexSize / scale },
                { "totalSize", (double)(dataSize + indexSize) / scale },
                { "scaleFactor", scale },
                { "ok", 1.0 },
            };
        });
        return ValueTask.FromResult(reply);
    }

    /// <summary>Estimated bytes per index (entries times a fixed per-entry cost: the engine keeps indexes in memory).</summary>
    private static IEnumerable<(string Name, long Size)> IndexSizes(CollectionStore collection) =>
        collection.Indexes.Select(index => (index.Definition.Name, index.ApproximateSize));

    private static long Scale(BsonDocument command)
    {
        var scale = command.OptionalLong("scale") ?? 1;
        if (scale < 1) throw MongoError.BadValue("Scale factor must be greater than zero");
        return scale;
    }
}
