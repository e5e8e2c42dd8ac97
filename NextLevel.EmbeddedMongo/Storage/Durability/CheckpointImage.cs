using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>
/// What a checkpoint writes, captured under the engine lock in O(collections + documents) reference copies:
/// stored documents are immutable, so the image stays consistent while it is written after the lock is released.
/// </summary>
internal sealed record CheckpointImage(long Lsn, long JournalGeneration, IReadOnlyList<CollectionImage> Collections)
{
    /// <param name="journalGeneration">The journal generation that holds the records after this checkpoint.</param>
    public static CheckpointImage Capture(Catalog catalog, long lsn, long journalGeneration) =>
        new(lsn, journalGeneration, catalog.AllCollections.Select(CollectionImage.Capture).ToArray());
}

internal sealed record CollectionImage(BsonDocument Metadata, StoredDocument[] Documents)
{
    public static CollectionImage Capture(CollectionStore collection)
    {
        var documents = collection.CaptureDocuments();
        var metadata = new BsonDocument
        {
            { "db", collection.Database },
            { "name", collection.Name },
            { "uuid", new BsonBinaryData(collection.Uuid, GuidRepresentation.Standard) },
            { "options", collection.Options.ToDocument() },
            { "indexes", new BsonArray(collection.Indexes.Where(index => !index.Definition.IsIdIndex).Select(index => index.Definition.ToSpec())) },
            { "nextRecordId", collection.NextRecordId },
            { "count", documents.LongLength },
        };
        return new CollectionImage(metadata, documents);
    }
}
