using System.Collections.Concurrent;
using MongoDB.Bson;
using MongoDB.Driver;
using Xunit.Abstractions;

namespace NextLevel.EmbeddedMongo.Tests.Process;

/// <summary>The executable as CI and developers run it: startup contract, crash durability, locking, signals.</summary>
public sealed class ServerProcessTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "nextlevel-mongo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Ready_line_is_the_only_stdout_output_and_the_driver_connects()
    {
        using var server = await ServerProcess.StartAsync(_dataDirectory);
        using var client = NewClient(server);

        var hello = await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1));

        Assert.True(hello["isWritablePrimary"].AsBoolean);
        Assert.Matches(@"^mongodb://127\.0\.0\.1:\d+/$", server.ConnectionString);
        Assert.True(Directory.Exists(_dataDirectory));
        Assert.Equal($"{ServerProcess.ReadyPrefix}{server.ConnectionString}{Environment.NewLine}", server.StandardOutput);
    }

    [Fact]
    public async Task Acknowledged_inserts_survive_kill_9_across_restarts()
    {
        var acknowledged = new ConcurrentBag<int>();
        for (var round = 0; round < 3; round++)
        {
            using var server = await ServerProcess.StartAsync(_dataDirectory);
            using var client = NewClient(server);
            var collection = client.GetDatabase("crm").GetCollection<BsonDocument>("listings");
            await AssertAllPresentAsync(collection, acknowledged);

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(worker => InsertUntilFailureAsync(collection, round * 1_000_000 + worker * 100_000, acknowledged, stop.Token)).ToArray();
            await Task.Delay(TimeSpan.FromMilliseconds(1500));
            var before = acknowledged.Count;

            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            output.WriteLine($"round {round}: {acknowledged.Count - before} acknowledged while the kill landed, {acknowledged.Count} in total");
        }

        using var last = await ServerProcess.StartAsync(_dataDirectory);
        using var lastClient = NewClient(last);
        await AssertAllPresentAsync(lastClient.GetDatabase("crm").GetCollection<BsonDocument>("listings"), acknowledged);
        Assert.False(acknowledged.IsEmpty);
    }

    [Fact]
    public async Task Second_instance_on_the_same_dbpath_is_refused_with_exit_code_1()
    {
        using var first = await ServerProcess.StartAsync(_dataDirectory);

        var (exitCode, stdout, stderr) = await ServerProcess.RunToExitAsync("--port", "0", "--dbpath", _dataDirectory);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.GetFullPath(_dataDirectory), line);

        using var client = NewClient(first);
        await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
    }

    [Fact]
    public async Task Sigterm_shuts_down_cleanly_keeps_data_and_releases_the_lock()
    {
        var server = await ServerProcess.StartAsync(_dataDirectory);
        using (server)
        {
            using var client = NewClient(server);
            await client.GetDatabase("crm").GetCollection<BsonDocument>("agents").InsertOneAsync(new BsonDocument { { "_id", 1 }, { "name", "kept" } });

            Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));
        }

        using var restarted = await ServerProcess.StartAsync(_dataDirectory);
        using var restartedClient = NewClient(restarted);
        var count = await restartedClient.GetDatabase("crm").GetCollection<BsonDocument>("agents").CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Verbose_logs_connection_events_to_stderr_without_document_contents()
    {
        using var server = await ServerProcess.StartAsync(_dataDirectory, "--verbose");
        using (var client = NewClient(server))
        {
            await client.GetDatabase("crm").GetCollection<BsonDocument>("owners").InsertOneAsync(new BsonDocument { { "_id", 1 }, { "email", "secret-owner@example.com" } });
        }

        Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("accepted from 127.0.0.1:", server.StandardError);
        Assert.DoesNotContain("secret-owner", server.StandardError);
        Assert.DoesNotContain("secret-owner", server.StandardOutput);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--port", "70000", "--dbpath", "x")]
    [InlineData("--port", "abc", "--dbpath", "x")]
    [InlineData("--port", "0")]
    [InlineData("--dbpath")]
    [InlineData("--bind", "not-an-address", "--dbpath", "x")]
    public async Task Invalid_arguments_print_usage_to_stderr_and_exit_2(params string[] args)
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunToExitAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("usage:", stderr);
    }

    [Fact]
    public async Task Idle_server_with_a_connected_driver_uses_little_cpu()
    {
        using var server = await ServerProcess.StartAsync(_dataDirectory);
        using var client = NewClient(server);
        await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
        await Task.Delay(1000);

        var before = server.TotalProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(4));
        var used = server.TotalProcessorTime - before;

        output.WriteLine($"CPU used while idle for 4 s: {used.TotalMilliseconds:0} ms");
        Assert.True(used < TimeSpan.FromMilliseconds(400), $"idle server used {used.TotalMilliseconds:0} ms of CPU in 4 s");
    }

    private static MongoClient NewClient(ServerProcess server)
    {
        var settings = MongoClientSettings.FromConnectionString(server.ConnectionString);
        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(10);
        settings.ConnectTimeout = TimeSpan.FromSeconds(5);
        return new MongoClient(settings);
    }

    private static async Task InsertUntilFailureAsync(IMongoCollection<BsonDocument> collection, int firstId, ConcurrentBag<int> acknowledged, CancellationToken stop)
    {
        for (var id = firstId; !stop.IsCancellationRequested; id++)
        {
            try
            {
                await collection.InsertOneAsync(new BsonDocument { { "_id", id }, { "street", "Main St " + id }, { "price", id * 10.5 } }, cancellationToken: stop);
            }
            catch (Exception ex) when (ex is MongoException or TimeoutException or OperationCanceledException)
            {
                return; // the server died under us: this write was never acknowledged
            }
            acknowledged.Add(id);
        }
    }

    private static async Task AssertAllPresentAsync(IMongoCollection<BsonDocument> collection, IEnumerable<int> acknowledged)
    {
        var expected = acknowledged.ToHashSet();
        var stored = (await collection.Find(FilterDefinition<BsonDocument>.Empty).Project(Builders<BsonDocument>.Projection.Include("_id")).ToListAsync())
            .Select(d => d["_id"].AsInt32)
            .ToHashSet();
        var missing = expected.Except(stored).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged documents are missing, e.g. {string.Join(", ", missing.Take(5))}");
    }
}
