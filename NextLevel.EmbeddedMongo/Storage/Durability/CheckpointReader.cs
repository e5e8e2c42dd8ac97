using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>
/// Loads a checkpoint into a fresh catalog; throws InvalidDataException when the file is incomplete or damaged.
/// Index definitions are restored but not built: recovery builds every index once, after the journal replay
/// (building them here too would do the work twice whenever a journal follows the checkpoint).
/// </summary>
internal static class CheckpointReader
{
    private const int BufferSize = 1024 * 1024;

    public static (Catalog Catalog, long Lsn, long JournalGeneration) Load(IStorageFileSystem fileSystem, string path)
    {
        using var file = fileSystem.OpenRead(path);
        using var buffered = new BufferedStream(file, BufferSize);
        var reader = new FrameReader(buffered);

        var header = ReadMetadata(reader, path);
        if (!header.TryGetValue("format", out var format) || format != CheckpointWriter.Format || header["version"].ToInt32() != CheckpointWriter.Version)
            throw new InvalidDataException($"{path} is not a checkpoint of this format version.");
        var lsn = header["lsn"].ToInt64();
        var journalGeneration = header["journalGeneration"].ToInt64();

        var catalog = new Catalog();
        var collections = new List<CollectionStore>();
        while (true)
        {
            var record = ReadMetadata(reader, path);
            if (record.Contains("end"))
            {
                if (record["collections"].ToInt32() != collections.Count) throw new InvalidDataException($"{path} lists a different number of collections.");
                break;
            }
            var metadata = record["collection"].AsBsonDocument;
            var collection = catalog.CreateCollection(
                metadata["db"].AsString,
                metadata["name"].AsString,
                CollectionOptions.FromDocument(metadata["options"].AsBsonDocument),
                metadata["uuid"].AsBsonBinaryData.ToGuid(GuidRepresentation.Standard));
            foreach (var spec in metadata["indexes"].AsBsonArray) collection.AddIndexUnbuilt(IndexDefinition.FromSpec(spec.AsBsonDocument));
            collection.SetNextRecordId(metadata["nextRecordId"].ToInt64());

            var count = metadata["count"].ToInt64();
            for (long i = 0; i < count; i++)
            {
                if (reader.ReadDocument(out var recordId, out var bson) != FrameStatus.Record)
                    throw new InvalidDataException($"{path} is truncated or damaged at offset {reader.Position}.");
                collection.LoadDocument(new StoredDocument(new RecordId(recordId), bson));
            }
            collections.Add(collection);
        }
        return (catalog, lsn, journalGeneration);
    }

    private static BsonDocument ReadMetadata(FrameReader reader, string path)
    {
        if (reader.Read(out var payload) != FrameStatus.Record)
            throw new InvalidDataException($"{path} is truncated or damaged at offset {reader.Position}.");
        return BsonSerializer.Deserialize<BsonDocument>(payload);
    }
}
