using System.Buffers.Binary;
using System.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;
using Xunit.Abstractions;

namespace NextLevel.EmbeddedMongo.Tests.Wire;

/// <summary>
/// Throws thousands of random, truncated and mutated frames at a real server over real sockets. Whatever happens to
/// each connection, the server must survive, release every connection, and still answer the official driver.
/// </summary>
public class WireFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261127;
    private const int Workers = 4;
    private const int FramesPerWorker = 1000;
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Server_survives_random_and_mutated_frames_and_still_answers_the_driver()
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        var stopwatch = Stopwatch.StartNew();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => FuzzAsync(server.Port, new Random(Seed + worker), stopwatch)));

        var total = outcomes.Aggregate(default(FuzzOutcome), (a, b) => a + b);
        output.WriteLine($"seed {Seed}: {total} in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(total.Frames >= Workers * 100, $"only {total.Frames} frames were sent within the time bound");
        Assert.True(total.Replies > 0 && total.Closed > 0, $"expected both answered and rejected frames: {total}");

        // Every fuzzing connection is gone once its client is: nothing is left half-open on the server.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (server.Engine.Connections.Current > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(server.Engine.Connections.Current == 0, $"{server.Engine.Connections.Current} connections leaked");

        using var client = new MongoClient(server.ConnectionString);
        var ping = await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
        Assert.Equal(1.0, ping["ok"].ToDouble());
    }

    private static async Task<FuzzOutcome> FuzzAsync(int port, Random random, Stopwatch stopwatch)
    {
        var outcome = default(FuzzOutcome);
        var corpus = ValidFrames();
        RawWireClient? client = null;
        try
        {
            for (var i = 0; i < FramesPerWorker && stopwatch.Elapsed < TimeBound; i++)
            {
                client ??= await RawWireClient.ConnectAsync(port);
                var frame = Mutate(corpus[random.Next(corpus.Length)], random);
                var probe = WireMessages.OpMsg(new BsonDocument { { "ping", 1 }, { "$db", "admin" } }, requestId: int.MaxValue);
                outcome.Frames++;

                try
                {
                    await client.SendAsync([.. frame, .. probe]);
                }
                catch (IOException)
                {
                    outcome.Closed++;
                    client.Dispose();
                    client = null;
                    continue;
                }

                // Read until the probe's reply (the connection survived) or the server closes it. A frame whose
                // declared length matches its size must get one of those; any other may leave the server waiting
                // for the rest of a frame, so we give up quickly and drop the connection.
                var declared = frame.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(frame) : 0;
                var wellFramed = declared == frame.Length;
                var result = await ReadUntilProbeAsync(client, wellFramed ? TimeSpan.FromSeconds(10) : TimeSpan.FromMilliseconds(100));
                if (result == ProbeResult.Answered)
                {
                    outcome.Replies++;
                    continue;
                }
                Assert.False(wellFramed && result == ProbeResult.TimedOut, "a complete frame got neither a reply nor a close");
                if (result == ProbeResult.Closed) outcome.Closed++;
                client.Dispose();
                client = null;
            }
        }
        finally
        {
            client?.Dispose();
        }
        return outcome;
    }

    private enum ProbeResult
    {
        Answered,
        Closed,
        TimedOut,
    }

    private static async Task<ProbeResult> ReadUntilProbeAsync(RawWireClient client, TimeSpan timeout)
    {
        try
        {
            while (true)
            {
                var reply = await client.ReceiveAsync(timeout);
                if (reply is null) return ProbeResult.Closed;
                if (reply.Value.ResponseTo == int.MaxValue) return ProbeResult.Answered;
            }
        }
        catch (OperationCanceledException)
        {
            return ProbeResult.TimedOut;
        }
    }

    private static byte[][] ValidFrames() =>
    [
        WireMessages.OpMsg(new BsonDocument { { "ping", 1 }, { "$db", "admin" } }),
        WireMessages.OpMsg(new BsonDocument { { "hello", 1 }, { "$db", "admin" } }, checksum: true),
        WireMessages.OpMsg(new BsonDocument { { "insert", "fuzz" }, { "ordered", true }, { "$db", "fuzz" } }, sequences:
            [("documents", [new BsonDocument { { "_id", 1 }, { "name", "a" } }, new BsonDocument { { "_id", 2 }, { "tags", new BsonArray { 1, "x", 2.5 } } }])]),
        WireMessages.OpMsg(new BsonDocument { { "find", "fuzz" }, { "filter", new BsonDocument("a", new BsonDocument("$gt", 1)) }, { "$db", "fuzz" } }),
        WireMessages.OpMsg(new BsonDocument { { "buildInfo", 1 }, { "lsid", new BsonDocument("id", new BsonBinaryData(Guid.NewGuid(), GuidRepresentation.Standard)) }, { "$db", "admin" } }),
        WireMessages.OpQuery("admin.$cmd", new BsonDocument { { "isMaster", 1 }, { "helloOk", true }, { "client", new BsonDocument("driver", "fuzz") } }),
    ];

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var frame = (byte[])valid.Clone();
        switch (random.Next(8))
        {
            case 0: // pure noise, with a plausible length so the body gets parsed
            {
                var noise = new byte[random.Next(4, 200)];
                random.NextBytes(noise);
                if (random.Next(2) == 0) BinaryPrimitives.WriteInt32LittleEndian(noise, noise.Length);
                return noise;
            }
            case 1: // truncated, length field left as is
                return frame[..random.Next(0, frame.Length)];
            case 2: // truncated, length field matching the truncation
            {
                var truncated = frame[..random.Next(4, frame.Length)];
                BinaryPrimitives.WriteInt32LittleEndian(truncated, truncated.Length);
                return truncated;
            }
            case 3: // a few random bytes flipped (checksum, if any, goes stale)
                for (var n = random.Next(1, 6); n > 0; n--) frame[random.Next(frame.Length)] ^= (byte)random.Next(1, 256);
                return frame;
            case 4: // a flipped byte past the header (keeps the framing, attacks the body)
                frame[random.Next(16, frame.Length)] = (byte)random.Next(256);
                return frame;
            case 5: // lying length field
                BinaryPrimitives.WriteInt32LittleEndian(frame, random.Next(2) == 0 ? random.Next(-100, frame.Length + 100) : random.Next());
                return frame;
            case 6: // an inner BSON length rewritten
            {
                var offset = random.Next(16, Math.Max(17, frame.Length - 4));
                BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(offset), random.Next(-10, frame.Length * 2));
                return frame;
            }
            default: // random bytes inserted in the middle, length fixed up
            {
                var insert = new byte[random.Next(1, 16)];
                random.NextBytes(insert);
                var at = random.Next(16, frame.Length);
                byte[] grown = [.. frame.AsSpan(0, at), .. insert, .. frame.AsSpan(at)];
                BinaryPrimitives.WriteInt32LittleEndian(grown, grown.Length);
                return grown;
            }
        }
    }

    private struct FuzzOutcome
    {
        public int Frames;
        public int Replies;
        public int Closed;

        public static FuzzOutcome operator +(FuzzOutcome a, FuzzOutcome b) =>
            new() { Frames = a.Frames + b.Frames, Replies = a.Replies + b.Replies, Closed = a.Closed + b.Closed };

        public override readonly string ToString() => $"{Frames} frames, {Replies} answered, {Closed} closed";
    }
}
