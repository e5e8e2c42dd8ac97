using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Storage;

/// <summary>A fresh directory under the temp folder, removed on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nlem-storage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string[] Journals => Directory.GetFiles(Path, "journal-*.log").Order(StringComparer.Ordinal).ToArray();

    public string[] Checkpoints => Directory.GetFiles(Path, "checkpoint-*.snapshot").Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a failed test may leave a file open.
        }
    }
}

internal static class StorageTestSupport
{
    public static StorageOptions DurableOptions(string directory, Action<string>? log = null) => new()
    {
        DataDirectory = directory,
        CheckpointInterval = TimeSpan.FromHours(1),
        TtlMonitorInterval = TimeSpan.FromHours(1),
        Log = log,
    };

    public static Task<StorageEngine> OpenMemoryAsync() => StorageEngine.OpenAsync(new StorageOptions());

    public static Task<RecordId> InsertAsync(this StorageEngine engine, string collection, BsonDocument document) =>
        engine.WriteAsync(writer => writer.Insert(writer.GetOrCreateCollection("test", collection), document));

    public static List<BsonDocument> All(this StorageEngine engine, string collection) =>
        engine.Read(reader => reader.Collection("test", collection)?.Scan().Select(stored => stored.ToBsonDocument()).ToList() ?? []);

    public static Task<IndexStore> CreateIndexAsync(this StorageEngine engine, string collection, BsonDocument spec) =>
        engine.WriteAsync(writer => writer.CreateIndex(writer.GetOrCreateCollection("test", collection), IndexDefinition.FromSpec(spec)));
}
