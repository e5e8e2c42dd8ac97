using System.Buffers.Binary;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Tests.Wire;

/// <summary>
/// Frames that once threatened the process (found while building and fuzzing the wire layer), replayed over a real
/// socket: each must close or answer its own connection while the server keeps serving others.
/// </summary>
public class WireFuzzRegressionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The recursive BSON deserialiser would overflow the stack (killing the process) on deep nesting.</summary>
    [Fact]
    public async Task Million_level_nested_document_closes_the_connection_instead_of_overflowing_the_stack()
    {
        const int depth = 1_000_000;
        var body = new byte[5 + 8 * depth];
        for (var level = 0; level < depth; level++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(7 * level), 5 + 8 * (depth - level));
            body[7 * level + 4] = 0x03;
            body[7 * level + 5] = (byte)'a';
        }
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(7 * depth), 5);

        await AssertClosedWhileOthersAreServedAsync(WireMessages.Frame(1, 2013, [0, 0, 0, 0, 0, .. body], extra: 0));
    }

    /// <summary>Deep nesting inside a document sequence takes the same guarded path as the body.</summary>
    [Fact]
    public async Task Deeply_nested_document_in_a_sequence_closes_the_connection()
    {
        var inner = new BsonDocument("leaf", 1);
        for (var i = 0; i < 300; i++) inner = new BsonDocument("n", inner);

        var frame = WireMessages.OpMsg(new BsonDocument { { "insert", "c" }, { "$db", "d" } }, sequences: [("documents", [inner])]);

        await AssertClosedWhileOthersAreServedAsync(frame);
    }

    /// <summary>Replies wrap the request a few levels deeper; serialising them must not fail the connection.</summary>
    [Fact]
    public async Task Command_nested_near_the_depth_limit_is_answered()
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        using var client = await RawWireClient.ConnectAsync(server.Port);
        var inner = new BsonDocument("leaf", 1);
        for (var i = 0; i < 195; i++) inner = new BsonDocument("n", inner);

        await client.SendAsync(WireMessages.OpMsg(new BsonDocument { { "ping", 1 }, { "comment", inner }, { "$db", "admin" } }, requestId: 3));

        var reply = await client.ReceiveAsync(Timeout);
        Assert.Equal(3, reply!.Value.ResponseTo);
    }

    /// <summary>A document sequence whose size points past the message end.</summary>
    [Fact]
    public async Task Document_sequence_size_beyond_the_message_closes_the_connection()
    {
        var frame = WireMessages.OpMsg(new BsonDocument { { "insert", "c" }, { "$db", "d" } }, sequences: [("documents", [new BsonDocument("_id", 1)])]);
        var sequenceStart = 16 + 4 + 1 + new BsonDocument { { "insert", "c" }, { "$db", "d" } }.ToBson().Length + 1;
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(sequenceStart), int.MaxValue);

        await AssertClosedWhileOthersAreServedAsync(frame);
    }

    /// <summary>A checksum flag on a message too short to hold one.</summary>
    [Fact]
    public async Task Checksum_flag_without_room_for_a_checksum_closes_the_connection()
    {
        await AssertClosedWhileOthersAreServedAsync(WireMessages.Frame(1, 2013, [1, 0, 0, 0, 0], extra: 0));
    }

    private static async Task AssertClosedWhileOthersAreServedAsync(byte[] frame)
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        using var bystander = await RawWireClient.ConnectAsync(server.Port);
        using var attacker = await RawWireClient.ConnectAsync(server.Port);

        await attacker.SendAsync(frame);

        Assert.True(await attacker.IsClosedByServerAsync(Timeout));
        await bystander.SendAsync(WireMessages.OpMsg(new BsonDocument { { "ping", 1 }, { "$db", "admin" } }, requestId: 2));
        Assert.Equal(2, (await bystander.ReceiveAsync(Timeout))!.Value.ResponseTo);
    }
}
