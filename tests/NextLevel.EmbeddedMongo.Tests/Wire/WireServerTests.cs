using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Tests.Wire;

public class WireServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static byte[] PingMessage(int requestId) =>
        WireMessages.OpMsg(new BsonDocument { { "ping", 1 }, { "$db", "admin" } }, requestId);

    [Fact]
    public async Task Frame_written_one_byte_at_a_time_is_reassembled()
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        using var client = await RawWireClient.ConnectAsync(server.Port);

        foreach (var b in PingMessage(5))
        {
            await client.SendAsync([b]);
            await Task.Delay(1);
        }

        var reply = await client.ReceiveAsync(Timeout);
        Assert.NotNull(reply);
        Assert.Equal(5, reply.Value.ResponseTo);
        Assert.Equal(1.0, reply.Value.Document["ok"].ToDouble());
    }

    [Fact]
    public async Task Pipelined_requests_on_one_connection_are_answered_in_order()
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        using var client = await RawWireClient.ConnectAsync(server.Port);

        await client.SendAsync([.. Enumerable.Range(1, 20).SelectMany(PingMessage)]);

        for (var id = 1; id <= 20; id++) Assert.Equal(id, (await client.ReceiveAsync(Timeout))!.Value.ResponseTo);
    }

    [Fact]
    public async Task Message_larger_than_the_receive_buffer_is_answered()
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        using var client = await RawWireClient.ConnectAsync(server.Port);
        var padding = new BsonBinaryData(new byte[10 * 1024 * 1024]);

        await client.SendAsync(WireMessages.OpMsg(new BsonDocument { { "ping", 1 }, { "padding", padding }, { "$db", "admin" } }, requestId: 8));

        Assert.Equal(8, (await client.ReceiveAsync(Timeout))!.Value.ResponseTo);
        await client.SendAsync(PingMessage(9));
        Assert.Equal(9, (await client.ReceiveAsync(Timeout))!.Value.ResponseTo);
    }

    [Fact]
    public async Task Malformed_frame_closes_only_its_own_connection()
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        using var bad = await RawWireClient.ConnectAsync(server.Port);
        using var good = await RawWireClient.ConnectAsync(server.Port);

        await bad.SendAsync(WireMessages.Frame(1, 9999, [1, 2, 3, 4], extra: 0));

        Assert.True(await bad.IsClosedByServerAsync(Timeout));
        await good.SendAsync(PingMessage(2));
        Assert.Equal(2, (await good.ReceiveAsync(Timeout))!.Value.ResponseTo);
    }

    [Fact]
    public async Task Oversized_declared_length_closes_the_connection_before_reading_the_body()
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        using var client = await RawWireClient.ConnectAsync(server.Port);

        await client.SendAsync([.. WireMessages.Int32(48_000_001), .. new byte[12]]);

        Assert.True(await client.IsClosedByServerAsync(Timeout));
    }

    [Fact]
    public async Task Connections_beyond_the_cap_are_closed_while_others_keep_working()
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { MaxConnections = 2 });
        using var first = await RawWireClient.ConnectAsync(server.Port);
        using var second = await RawWireClient.ConnectAsync(server.Port);
        await first.SendAsync(PingMessage(1));
        await second.SendAsync(PingMessage(2));
        Assert.NotNull(await first.ReceiveAsync(Timeout));
        Assert.NotNull(await second.ReceiveAsync(Timeout));

        using var third = await RawWireClient.ConnectAsync(server.Port);

        Assert.True(await third.IsClosedByServerAsync(Timeout));
        await first.SendAsync(PingMessage(3));
        Assert.Equal(3, (await first.ReceiveAsync(Timeout))!.Value.ResponseTo);
    }

    [Fact]
    public async Task Closed_connections_release_their_slot_and_are_counted()
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { MaxConnections = 1 });
        for (var i = 0; i < 3; i++)
        {
            using var client = await RawWireClient.ConnectAsync(server.Port);
            await client.SendAsync(PingMessage(i));
            Assert.NotNull(await client.ReceiveAsync(Timeout));
            client.Dispose();
            await WaitUntilAsync(() => server.Engine.Connections.Current == 0);
        }

        Assert.Equal(3, server.Engine.Connections.TotalCreated);
    }

    [Fact]
    public async Task Dispose_closes_open_connections()
    {
        var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        using var client = await RawWireClient.ConnectAsync(server.Port);
        await client.SendAsync(PingMessage(1));
        Assert.NotNull(await client.ReceiveAsync(Timeout));

        await server.DisposeAsync();

        Assert.True(await client.IsClosedByServerAsync(Timeout));
    }

    [Fact]
    public async Task Dispose_releases_an_awaiting_hello_with_its_reply()
    {
        var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        using var client = await RawWireClient.ConnectAsync(server.Port);
        var topology = await client.SendAndReceiveAsync(new BsonDocument { { "hello", 1 }, { "$db", "admin" } });
        await client.SendAsync(WireMessages.OpMsg(new BsonDocument
        {
            { "hello", 1 }, { "topologyVersion", topology["topologyVersion"] }, { "maxAwaitTimeMS", 60_000 }, { "$db", "admin" },
        }, requestId: 77));
        await Task.Delay(200);

        var started = DateTime.UtcNow;
        await server.DisposeAsync();

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Equal(77, (await client.ReceiveAsync(Timeout))!.Value.ResponseTo);
    }

    [Fact]
    public async Task Port_zero_listens_on_a_free_port_and_reports_the_connection_string()
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { Port = 0 });

        Assert.NotEqual(0, server.Port);
        Assert.Equal($"mongodb://127.0.0.1:{server.Port}/", server.ConnectionString);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(10);
        }
    }
}

internal static class RawWireClientExtensions
{
    public static async Task<BsonDocument> SendAndReceiveAsync(this RawWireClient client, BsonDocument command)
    {
        await client.SendAsync(WireMessages.OpMsg(command));
        return (await client.ReceiveAsync(TimeSpan.FromSeconds(10)))!.Value.Document;
    }
}
