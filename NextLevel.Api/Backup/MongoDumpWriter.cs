using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Driver;

namespace NextLevel.Api.Backup;

public sealed record BackupSummary(IReadOnlyDictionary<string, long> DocumentsPerCollection, string Directory);

/// <summary>
/// Writes a database in mongodump's layout. Documents are copied as raw BSON in _id order, so the backup is
/// byte-for-byte what the server holds; metadata carries options (validators) and index definitions.
/// </summary>
public sealed class MongoDumpWriter(IMongoDatabase database)
{
    private static readonly JsonWriterSettings CanonicalJson = new() { OutputMode = JsonOutputMode.CanonicalExtendedJson };

    public async Task<BackupSummary> WriteAsync(string root, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var directory = DumpLayout.DatabaseDirectory(root, database.DatabaseNamespace.DatabaseName);
        Directory.CreateDirectory(directory);
        var counts = new Dictionary<string, long>();

        using var collections = await database.ListCollectionsAsync(cancellationToken: cancellationToken);
        foreach (var info in await collections.ToListAsync(cancellationToken))
        {
            if (info.GetValue("type", "collection").AsString != "collection") continue;
            var name = info["name"].AsString;
            progress?.Report(name);
            counts[name] = await WriteDocumentsAsync(name, Path.Combine(directory, name + DumpLayout.DataExtension), cancellationToken);
            await WriteMetadataAsync(name, info, Path.Combine(directory, name + DumpLayout.MetadataExtension), cancellationToken);
        }
        return new BackupSummary(counts, directory);
    }

    private async Task<long> WriteDocumentsAsync(string name, string path, CancellationToken cancellationToken)
    {
        var collection = database.GetCollection<RawBsonDocument>(name);
        // Written to a temporary file first: a half-written backup never looks complete.
        var temporary = path + ".partial";
        long count = 0;
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            using var cursor = await collection.Find(FilterDefinition<RawBsonDocument>.Empty)
                .Sort(new BsonDocument("_id", 1))
                .ToCursorAsync(cancellationToken);
            while (await cursor.MoveNextAsync(cancellationToken))
            {
                foreach (var document in cursor.Current)
                {
                    using (document)
                    {
                        await file.WriteAsync(document.ToBson(), cancellationToken);
                    }
                    count++;
                }
            }
            await file.FlushAsync(cancellationToken);
        }
        File.Move(temporary, path, overwrite: true);
        return count;
    }

    private async Task WriteMetadataAsync(string name, BsonDocument info, string path, CancellationToken cancellationToken)
    {
        using var indexCursor = await database.GetCollection<BsonDocument>(name).Indexes.ListAsync(cancellationToken);
        var indexes = await indexCursor.ToListAsync(cancellationToken);
        var metadata = new BsonDocument
        {
            { "options", info.GetValue("options", new BsonDocument()) },
            { "indexes", new BsonArray(indexes) },
            { "collectionName", name },
            { "type", "collection" },
        };
        if (info.TryGetValue("info", out var details) && details.AsBsonDocument.TryGetValue("uuid", out var uuid))
            metadata["uuid"] = uuid.AsGuid.ToString("N");
        await File.WriteAllTextAsync(path, metadata.ToJson(CanonicalJson), cancellationToken);
    }
}
