using System.Buffers.Binary;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>
/// Writes a checkpoint (format in <see cref="RecordFraming"/>) to a temporary file, streamed record by record,
/// fsyncs it, renames it into place atomically and fsyncs the directory.
/// </summary>
internal static class CheckpointWriter
{
    public const string Format = "NextLevel.EmbeddedMongo.checkpoint";
    public const int Version = 1;
    private const int BufferSize = 1024 * 1024;

    public static async Task<string> WriteAsync(IStorageFileSystem fileSystem, string directory, CheckpointImage image, CancellationToken cancellationToken)
    {
        var path = StorageFiles.Checkpoint(directory, image.Lsn);
        var temporary = path + ".tmp";
        var file = fileSystem.Create(temporary);
        try
        {
            await using (var buffered = new BufferedStream(file, BufferSize))
            {
                await WriteMetadataAsync(buffered, new BsonDocument { { "format", Format }, { "version", Version }, { "lsn", image.Lsn }, { "journalGeneration", image.JournalGeneration } }, cancellationToken);
                long documents = 0;
                foreach (var collection in image.Collections)
                {
                    await WriteMetadataAsync(buffered, new BsonDocument("collection", collection.Metadata), cancellationToken);
                    foreach (var document in collection.Documents)
                    {
                        await WriteDocumentAsync(buffered, document, cancellationToken);
                        documents++;
                    }
                }
                await WriteMetadataAsync(buffered, new BsonDocument { { "end", true }, { "collections", image.Collections.Count }, { "documents", documents } }, cancellationToken);
                await buffered.FlushAsync(cancellationToken);
                fileSystem.FlushToDisk(file);
            }
        }
        catch
        {
            await file.DisposeAsync();
            fileSystem.Delete(temporary);
            throw;
        }
        fileSystem.Move(temporary, path);
        fileSystem.SyncDirectory(directory);
        return path;
    }

    private static async ValueTask WriteMetadataAsync(Stream stream, BsonDocument record, CancellationToken cancellationToken)
    {
        var payload = record.ToBson();
        var header = new byte[RecordFraming.HeaderSize];
        RecordFraming.WriteHeader(header, payload);
        await stream.WriteAsync(header, cancellationToken);
        await stream.WriteAsync(payload, cancellationToken);
    }

    private static async ValueTask WriteDocumentAsync(Stream stream, StoredDocument document, CancellationToken cancellationToken)
    {
        var prefix = new byte[RecordFraming.HeaderSize + RecordFraming.RecordIdSize];
        BinaryPrimitives.WriteInt64LittleEndian(prefix.AsSpan(RecordFraming.HeaderSize), document.Id.Value);
        var crc = ~Crc32C.Append(Crc32C.Append(uint.MaxValue, prefix.AsSpan(RecordFraming.HeaderSize)), document.Bytes);
        RecordFraming.WriteHeader(prefix, RecordFraming.RecordIdSize + document.Bytes.Length, crc);
        await stream.WriteAsync(prefix, cancellationToken);
        await stream.WriteAsync(document.Bytes, cancellationToken);
    }
}
