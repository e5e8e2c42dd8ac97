using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine.Queries;

/// <summary>
/// Gives $lookup, $unionWith and friends the documents of other collections. Each collection is captured once
/// per command (a short read lock), so a pipeline sees one consistent state and repeated lookups reuse it.
/// [Per command - not ThreadSafe]
/// </summary>
internal sealed class SnapshotAggregationHost(StorageEngine storage) : IAggregationHost
{
    private readonly Dictionary<(string Database, string Collection), IReadOnlyList<StoredDocument>> _snapshots = [];

    public IEnumerable<BsonDocument> Scan(string database, string collection)
    {
        if (!_snapshots.TryGetValue((database, collection), out var documents))
        {
            documents = storage.Read(reader => (IReadOnlyList<StoredDocument>?)reader.Collection(database, collection)?.Scan().ToList() ?? []);
            _snapshots[(database, collection)] = documents;
        }
        return documents.Select(d => d.ToBsonDocument());
    }
}
