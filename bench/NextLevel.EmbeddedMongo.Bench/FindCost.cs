using System.Buffers.Binary;
using System.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Events;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Wire;

namespace NextLevel.EmbeddedMongo.Bench;

/// <summary>
/// The engine's cost of one indexed find, in measures that survive a shared machine (wall-clock throughput does not):
/// <list type="bullet">
/// <item>wire path in process: the driver's own find command (captured through command monitoring) framed as OP_MSG
/// and fed to the engine's wire session on one thread, counting that thread's CPU time and allocated bytes per find
/// (parsing, planning, index seek, reply writing; no sockets);</item>
/// <item>engine process: finds through the driver over 8 connections against the engine's executable, counting the
/// engine process's CPU time (utime + stime from /proc) per find, sockets included.</item>
/// </list>
/// Usage: <c>--find-cost [--sizes 10000] [--seconds 8] [--engine &lt;dll&gt;]</c>.
/// </summary>
public static class FindCost
{
    private const int FrameCount = 4096;
    private const int WireFinds = 200_000;
    private const int MaxWirePathSize = 100_000;

    public static async Task RunAsync(BenchOptions options, int size, CancellationToken cancellationToken)
    {
        // Loading the in-process engine costs minutes at a million leads; the engine process measures that size.
        if (size <= MaxWirePathSize)
        {
            var (wireMicros, wireBytes) = await WirePathAsync(size, cancellationToken);
            Console.WriteLine($"{size:N0} leads, wire path in process: {wireMicros:F2} µs CPU and {wireBytes:N0} bytes allocated per find");
        }
        var (processMicros, findsPerSecond) = await EngineProcessAsync(options, size, cancellationToken);
        Console.WriteLine($"{size:N0} leads, engine process over {options.Connections} connections: {processMicros:F2} µs engine CPU per find " +
            $"({findsPerSecond:N0} finds/s, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
    }

    private static async Task<(double Micros, double Bytes)> WirePathAsync(int size, CancellationToken cancellationToken)
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions(), cancellationToken);
        BsonDocument? captured = null;
        var settings = MongoClientSettings.FromConnectionString(server.ConnectionString);
        settings.ClusterConfigurator = cluster => cluster.Subscribe<CommandStartedEvent>(e =>
        {
            if (e.CommandName == "find") captured = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonDocument>(e.Command.ToBson());
        });
        var leads = new MongoClient(settings).GetDatabase("next_level_real_estate").GetCollection<BsonDocument>("leads");
        await LeadWorkload.CreateSeedIndexesAsync(leads, cancellationToken);
        await LoadAsync(leads, size, cancellationToken);
        await leads.Find(LeadWorkload.UniqueKeyFilter(LeadGenerator.ExternalId(0))).FirstOrDefaultAsync(cancellationToken);
        Console.Error.WriteLine("driver find command: " + captured);
        var template = captured ?? throw new InvalidOperationException("the driver's find command was not captured");

        var random = new Random(3);
        var frames = new byte[FrameCount][];
        for (var i = 0; i < FrameCount; i++)
        {
            var command = (BsonDocument)template.DeepClone();
            command["filter"] = LeadWorkload.UniqueKeyFilter(LeadGenerator.ExternalId(random.Next(size)));
            frames[i] = OpMsgFrame(i + 1, command);
        }

        var output = new CountingOutput();
        using var session = new MongoWireSessionFactory(server.Engine).Create(1_000_000, "bench", output);
        for (var i = 0; i < 20_000; i++) await session.ConsumeAsync(frames[i % FrameCount], cancellationToken);

        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpuTime();
        for (var i = 0; i < WireFinds; i++)
        {
            var pending = session.ConsumeAsync(frames[i % FrameCount], cancellationToken);
            if (!pending.IsCompletedSuccessfully) throw new InvalidOperationException("a find did not complete synchronously");
        }
        var cpu = ThreadCpuTime() - cpuBefore;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        if (output.Replies < WireFinds) throw new InvalidOperationException("finds went unanswered");
        return (cpu.TotalMicroseconds / WireFinds, (double)bytes / WireFinds);
    }

    private static async Task<(double Micros, double FindsPerSecond)> EngineProcessAsync(BenchOptions options, int size, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "nextlevel-findcost-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            await using var engine = await EngineProcess.StartAsync(options.EngineDll, dataDirectory, cancellationToken);
            var leads = new MongoClient(engine.ConnectionString).GetDatabase("next_level_real_estate").GetCollection<BsonDocument>("leads");
            await LeadWorkload.CreateSeedIndexesAsync(leads, cancellationToken);
            await LoadAsync(leads, size, cancellationToken);

            async Task FindOne(CancellationToken ct)
            {
                var found = await leads.Find(LeadWorkload.UniqueKeyFilter(LeadGenerator.ExternalId(Random.Shared.Next(size)))).FirstOrDefaultAsync(ct);
                if (found is null) throw new InvalidOperationException("indexed lookup missed a document");
            }

            // Warm up (JIT tiers, connection pool) for a while, then measure.
            await RunForAsync(options.Connections, TimeSpan.FromSeconds(3), FindOne, cancellationToken);
            var switchesBefore = engine.ContextSwitches();
            var splitBefore = engine.CpuSplit();
            var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var cpuBefore = engine.CpuTime();
            var wall = Stopwatch.StartNew();
            var finds = await RunForAsync(options.Connections, options.Duration, FindOne, cancellationToken);
            var cpu = engine.CpuTime() - cpuBefore;
            var switches = engine.ContextSwitches() - switchesBefore;
            var client = Process.GetCurrentProcess().TotalProcessorTime - clientBefore;
            var (user, system) = engine.CpuSplit();
            Console.Error.WriteLine($"engine process CPU per find: user {(user - splitBefore.User).TotalMicroseconds / finds:F2} µs, system {(system - splitBefore.System).TotalMicroseconds / finds:F2} µs; {(double)switches / finds:F2} context switches; client (driver) CPU {client.TotalMicroseconds / finds:F2} µs per find");
            return (cpu.TotalMicroseconds / finds, finds / wall.Elapsed.TotalSeconds);
        }
        finally
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<long> RunForAsync(int connections, TimeSpan duration, Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long count = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                await operation(cancellationToken);
                Interlocked.Increment(ref count);
            }
        }, cancellationToken)));
        return count;
    }

    private static async Task LoadAsync(IMongoCollection<BsonDocument> leads, int size, CancellationToken cancellationToken)
    {
        var generator = new LeadGenerator(1);
        for (var start = 0; start < size; start += 1000)
        {
            var batch = Enumerable.Range(start, Math.Min(1000, size - start)).Select(generator.Create).ToList();
            await leads.InsertManyAsync(batch, new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
    }

    /// <summary>OP_MSG with one body section, as the driver frames a command.</summary>
    private static byte[] OpMsgFrame(int requestId, BsonDocument command)
    {
        var body = command.ToBson();
        var frame = new byte[16 + 4 + 1 + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, frame.Length);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(4), requestId);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(12), (int)WireOpCode.Msg);
        body.CopyTo(frame, 21);
        return frame;
    }

    /// <summary>CPU time of the calling thread (Linux: clock_gettime of the thread CPU clock via /proc/thread-self).</summary>
    private static TimeSpan ThreadCpuTime()
    {
        var fields = File.ReadAllText("/proc/thread-self/stat");
        var afterName = fields[(fields.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of stat; afterName starts at field 3.
        var ticks = long.Parse(afterName[11]) + long.Parse(afterName[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private sealed class CountingOutput : IWireOutput
    {
        public long Replies { get; private set; }

        public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
        {
            Replies++;
            return ValueTask.CompletedTask;
        }
    }
}
