using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine;

public sealed partial class MongoEngine
{
    /// <summary>
    /// validate: reads every stored document back (it must decode and carry an _id) and recomputes each index's
    /// keys to compare them with the entries the index holds.
    /// </summary>
    [MongoCommand("validate")]
    private ValueTask<BsonDocument> ValidateAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var collectionName = command.CollectionName(context.Database);
        var reply = Storage.Read(reader =>
        {
            var collection = reader.Collection(context.Database, collectionName)
                ?? throw new MongoError(ErrorCode.NamespaceNotFound, $"Collection '{context.Database}.{collectionName}' does not exist to validate.");
            return ValidateCollection(collection);
        });
        return ValueTask.FromResult(reply);
    }

    private static BsonDocument ValidateCollection(CollectionStore collection)
    {
        var errors = new BsonArray();
        var expectedKeys = new long[collection.Indexes.Count];
        long records = 0, invalid = 0;
        foreach (var stored in collection.Scan())
        {
            records++;
            BsonDocument document;
            try
            {
                document = stored.ToBsonDocument();
            }
            catch (Exception ex) when (ex is FormatException or BsonException or EndOfStreamException)
            {
                invalid++;
                continue;
            }
            if (!document.Contains("_id")) invalid++;
            for (var i = 0; i < collection.Indexes.Count; i++)
            {
                if (collection.Indexes[i].MaintainsEntries) expectedKeys[i] += collection.Indexes[i].KeysOf(document).Keys.Count;
            }
        }

        var keysPerIndex = new BsonDocument();
        var indexDetails = new BsonDocument();
        for (var i = 0; i < collection.Indexes.Count; i++)
        {
            var index = collection.Indexes[i];
            var consistent = !index.MaintainsEntries || index.EntryCount == expectedKeys[i];
            keysPerIndex.Add(index.Definition.Name, index.EntryCount);
            indexDetails.Add(index.Definition.Name, new BsonDocument("valid", consistent));
            if (!consistent)
                errors.Add($"index '{index.Definition.Name}' has {index.EntryCount} entries but its documents give {expectedKeys[i]} keys");
        }
        if (invalid > 0) errors.Add($"Detected {invalid} invalid documents.");

        return new BsonDocument
        {
            { "ns", collection.FullName },
            { "nInvalidDocuments", invalid },
            { "nNonCompliantDocuments", 0 },
            { "nrecords", records },
            { "nIndexes", collection.Indexes.Count },
            { "keysPerIndex", keysPerIndex },
            { "indexDetails", indexDetails },
            { "valid", errors.Count == 0 },
            { "repaired", false },
            { "warnings", new BsonArray() },
            { "errors", errors },
            { "extraIndexEntries", new BsonArray() },
            { "missingIndexEntries", new BsonArray() },
            { "corruptRecords", new BsonArray() },
            { "ok", 1.0 },
        };
    }
}
