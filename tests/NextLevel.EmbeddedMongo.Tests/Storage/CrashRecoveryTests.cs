using System.Collections.Concurrent;
using System.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Storage;

/// <summary>Runs the real server in a child process, kills it while clients are writing, and checks every acknowledged write survived.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Acknowledged_writes_survive_killing_the_server_process()
    {
        var acknowledged = new ConcurrentBag<int>();
        using (var server = StartServer(_directory.Path, out var connectionString))
        {
            var client = new MongoClient(connectionString + "?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=2000");
            var leads = client.GetDatabase("crm").GetCollection<BsonDocument>("leads");
            await leads.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("email"), new CreateIndexOptions { Unique = true }));

            var next = -1;
            var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (true)
                {
                    var id = Interlocked.Increment(ref next);
                    try
                    {
                        await leads.InsertOneAsync(new BsonDocument { { "_id", id }, { "email", $"lead{id}@example.com" }, { "notes", new string('x', 500) } });
                    }
                    catch (Exception ex) when (ex is MongoException or TimeoutException or IOException)
                    {
                        return;
                    }
                    acknowledged.Add(id);
                }
            })).ToArray();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 300 && DateTime.UtcNow < deadline) await Task.Delay(10);
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            await Task.WhenAll(writers);
        }
        Assert.True(acknowledged.Count >= 300, $"only {acknowledged.Count} writes were acknowledged before the deadline");

        await using var engine = await StorageEngine.OpenAsync(StorageTestSupport.DurableOptions(_directory.Path));
        var stored = engine.Read(reader => reader.Collection("crm", "leads")!.Scan().Select(document => document.ToBsonDocument()["_id"].AsInt32).ToHashSet());
        var lost = acknowledged.Except(stored).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged writes were lost");
        Assert.Equal(stored.Count, engine.Read(reader => reader.Collection("crm", "leads")!.FindIndex("email_1")!.EntryCount));
    }

    private static System.Diagnostics.Process StartServer(string dataDirectory, out string connectionString)
    {
        var serverAssembly = Path.Combine(AppContext.BaseDirectory, "NextLevel.EmbeddedMongo.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", serverAssembly, "--port", "0", "--dbpath", dataDirectory }) start.ArgumentList.Add(argument);
        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ready = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the server exited before it was ready");
        const string prefix = "EMBEDDED_MONGO_READY ";
        if (!ready.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidOperationException("unexpected server output: " + ready);
        connectionString = ready[prefix.Length..].Trim();
        return process;
    }
}
