using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace NextLevel.Api.Backup;

public sealed record RestoreSummary(IReadOnlyDictionary<string, long> DocumentsPerCollection);

/// <summary>
/// Loads a mongodump directory (ours or mongodump's) into a database: each collection is created with its
/// options, filled in batches streamed from the .bson file, then given its indexes. Targets must be empty, so a
/// restore never merges into live data; documents are restored as they were, bypassing validation like the
/// original writes did not need to pass today's validator.
/// </summary>
public sealed class MongoDumpReader(IMongoDatabase database)
{
    private const int BatchSize = 1_000;

    public async Task<RestoreSummary> RestoreAsync(string root, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var directory = DumpLayout.FindDataDirectory(root, database.DatabaseNamespace.DatabaseName);
        var files = Directory.EnumerateFiles(directory, "*" + DumpLayout.DataExtension).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files) await EnsureEmptyAsync(CollectionNameOf(file), cancellationToken);

        var counts = new Dictionary<string, long>();
        foreach (var file in files)
        {
            var name = CollectionNameOf(file);
            progress?.Report(name);
            var metadata = await ReadMetadataAsync(Path.ChangeExtension(file, null) + DumpLayout.MetadataExtension, cancellationToken);
            await CreateCollectionAsync(name, metadata, cancellationToken);
            counts[name] = await LoadDocumentsAsync(name, file, cancellationToken);
            await CreateIndexesAsync(name, metadata, cancellationToken);
        }
        return new RestoreSummary(counts);
    }

    private static string CollectionNameOf(string file) => Path.GetFileName(file)[..^DumpLayout.DataExtension.Length];

    private async Task EnsureEmptyAsync(string name, CancellationToken cancellationToken)
    {
        if (await database.GetCollection<BsonDocument>(name).Find(FilterDefinition<BsonDocument>.Empty).Limit(1).AnyAsync(cancellationToken))
            throw new InvalidOperationException($"Collection '{name}' in '{database.DatabaseNamespace.DatabaseName}' is not empty; restore into an empty database.");
    }

    private static async Task<BsonDocument> ReadMetadataAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? BsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken)) : new BsonDocument();

    private async Task CreateCollectionAsync(string name, BsonDocument metadata, CancellationToken cancellationToken)
    {
        var command = new BsonDocument("create", name);
        foreach (var option in metadata.GetValue("options", new BsonDocument()).AsBsonDocument)
        {
            if (option.Name is "validator" or "validationLevel" or "validationAction") command[option.Name] = option.Value;
        }
        try
        {
            await database.RunCommandAsync<BsonDocument>(command, cancellationToken: cancellationToken);
        }
        catch (MongoCommandException ex) when (ex.Code == 48)
        {
            // Exists but empty (checked above): apply the backup's validator to it.
            if (command.Contains("validator"))
            {
                command.Remove("create");
                command.InsertAt(0, new BsonElement("collMod", name));
                await database.RunCommandAsync<BsonDocument>(command, cancellationToken: cancellationToken);
            }
        }
    }

    private async Task<long> LoadDocumentsAsync(string name, string file, CancellationToken cancellationToken)
    {
        var collection = database.GetCollection<BsonDocument>(name);
        var options = new InsertManyOptions { IsOrdered = true, BypassDocumentValidation = true };
        var batch = new List<BsonDocument>(BatchSize);
        long count = 0;
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
        using var reader = new BsonBinaryReader(stream);
        while (stream.Position < stream.Length)
        {
            batch.Add(BsonSerializer.Deserialize<BsonDocument>(reader));
            if (batch.Count < BatchSize) continue;
            await collection.InsertManyAsync(batch, options, cancellationToken);
            count += batch.Count;
            batch.Clear();
        }
        if (batch.Count > 0)
        {
            await collection.InsertManyAsync(batch, options, cancellationToken);
            count += batch.Count;
        }
        return count;
    }

    private async Task CreateIndexesAsync(string name, BsonDocument metadata, CancellationToken cancellationToken)
    {
        var indexes = metadata.GetValue("indexes", new BsonArray()).AsBsonArray
            .Select(i => i.AsBsonDocument)
            .Where(i => i.GetValue("name", "").AsString != "_id_")
            .Select(i =>
            {
                var spec = i.DeepClone().AsBsonDocument;
                spec.Remove("ns"); // older dumps carry ns; createIndexes rejects a mismatch
                return (BsonValue)spec;
            })
            .ToList();
        if (indexes.Count == 0) return;
        await database.RunCommandAsync<BsonDocument>(new BsonDocument { { "createIndexes", name }, { "indexes", new BsonArray(indexes) } }, cancellationToken: cancellationToken);
    }
}
