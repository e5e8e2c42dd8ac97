using System.Buffers.Binary;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Wire;

namespace NextLevel.EmbeddedMongo.Tests.Wire;

public class WireFramingTests
{
    private static readonly BsonDocument Ping = new() { { "ping", 1 }, { "$db", "admin" } };

    private readonly EchoExecutor _executor = new();
    private readonly RecordingOutput _output = new();

    private MongoWireSession NewSession() =>
        new(_executor, new ClientConnectionInfo { Id = 7, RemoteEndPoint = "127.0.0.1:5000" }, _output);

    [Fact]
    public async Task Op_msg_split_at_every_byte_boundary_is_answered_only_once_complete()
    {
        var message = WireMessages.OpMsg(Ping, requestId: 42);
        for (var split = 1; split < message.Length; split++)
        {
            _output.Messages.Clear();
            var session = NewSession();

            Assert.Equal(0, await session.ConsumeAsync(message.AsMemory(0, split), CancellationToken.None));
            Assert.Empty(_output.Messages);

            Assert.Equal(message.Length, await session.ConsumeAsync(message, CancellationToken.None));
            var reply = Assert.Single(_output.Messages);
            Assert.Equal(42, WireMessages.ParseReply(reply).ResponseTo);
        }
    }

    [Fact]
    public async Task Two_messages_and_a_partial_third_in_one_read_answer_two_and_keep_the_rest()
    {
        var first = WireMessages.OpMsg(Ping, requestId: 1);
        var second = WireMessages.OpMsg(Ping, requestId: 2);
        var third = WireMessages.OpMsg(Ping, requestId: 3);
        byte[] received = [.. first, .. second, .. third.AsSpan(0, 10)];

        var consumed = await NewSession().ConsumeAsync(received, CancellationToken.None);

        Assert.Equal(first.Length + second.Length, consumed);
        Assert.Equal([1, 2], _output.Messages.Select(m => WireMessages.ParseReply(m).ResponseTo));
    }

    [Fact]
    public async Task Reply_is_op_msg_echoing_request_id_as_response_to()
    {
        await NewSession().ConsumeAsync(WireMessages.OpMsg(Ping, requestId: 1234), CancellationToken.None);

        var (responseTo, opCode, document) = WireMessages.ParseReply(Assert.Single(_output.Messages));
        Assert.Equal(1234, responseTo);
        Assert.Equal(2013, opCode);
        Assert.Equal(1.0, document["ok"].AsDouble);
        Assert.Equal("admin", document["db"].AsString);
    }

    [Fact]
    public async Task Document_sequences_are_merged_into_the_command_as_arrays()
    {
        var body = new BsonDocument { { "insert", "people" }, { "$db", "crm" } };
        var message = WireMessages.OpMsg(body, sequences:
        [
            ("documents", [new BsonDocument("_id", 1), new BsonDocument("_id", 2)]),
            ("extra", [new BsonDocument("x", true)]),
        ]);

        await NewSession().ConsumeAsync(message, CancellationToken.None);

        var command = Assert.Single(_executor.Commands);
        Assert.Equal("insert", command.GetElement(0).Name);
        Assert.Equal(new BsonArray { new BsonDocument("_id", 1), new BsonDocument("_id", 2) }, command["documents"].AsBsonArray);
        Assert.Equal(new BsonArray { new BsonDocument("x", true) }, command["extra"].AsBsonArray);
        Assert.Equal("crm", command["$db"].AsString);
    }

    [Fact]
    public async Task Empty_document_sequence_becomes_an_empty_array()
    {
        var message = WireMessages.OpMsg(new BsonDocument { { "insert", "c" }, { "$db", "d" } }, sequences: [("documents", [])]);

        await NewSession().ConsumeAsync(message, CancellationToken.None);

        Assert.Empty(Assert.Single(_executor.Commands)["documents"].AsBsonArray);
    }

    [Fact]
    public async Task Document_sequence_duplicating_a_body_field_is_malformed()
    {
        var message = WireMessages.OpMsg(new BsonDocument { { "insert", "c" }, { "documents", 1 }, { "$db", "d" } },
            sequences: [("documents", [new BsonDocument()])]);

        await Assert.ThrowsAsync<MalformedMessageException>(() => NewSession().ConsumeAsync(message, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Valid_checksum_is_accepted()
    {
        await NewSession().ConsumeAsync(WireMessages.OpMsg(Ping, checksum: true), CancellationToken.None);

        Assert.Single(_output.Messages);
    }

    [Fact]
    public async Task Checksum_mismatch_is_malformed()
    {
        var message = WireMessages.OpMsg(Ping, checksum: true);
        message[^1] ^= 0x01;

        await Assert.ThrowsAsync<MalformedMessageException>(() => NewSession().ConsumeAsync(message, CancellationToken.None).AsTask());
        Assert.Empty(_executor.Commands);
    }

    [Fact]
    public void Crc32C_matches_the_castagnoli_check_value()
    {
        // The standard check value of CRC-32C over "123456789".
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
        var random = new Random(5);
        var data = new byte[1000];
        random.NextBytes(data);
        for (var length = 0; length < 40; length++)
            Assert.Equal(WireMessages.Crc32CReference(data.AsSpan(0, length)), Crc32C.Compute(data.AsSpan(0, length)));
        Assert.Equal(WireMessages.Crc32CReference(data), Crc32C.Compute(data));
    }

    [Fact]
    public async Task More_to_come_request_runs_without_reply()
    {
        await NewSession().ConsumeAsync(WireMessages.OpMsg(Ping, flags: (uint)OpMsgFlags.MoreToCome), CancellationToken.None);

        Assert.Single(_executor.Commands);
        Assert.Empty(_output.Messages);
    }

    [Fact]
    public async Task Exhaust_allowed_flag_is_ignored()
    {
        await NewSession().ConsumeAsync(WireMessages.OpMsg(Ping, flags: (uint)OpMsgFlags.ExhaustAllowed), CancellationToken.None);

        Assert.Single(_output.Messages);
    }

    [Fact]
    public async Task Unknown_required_flag_bit_is_malformed()
    {
        var message = WireMessages.OpMsg(Ping, flags: 1u << 5);

        await Assert.ThrowsAsync<MalformedMessageException>(() => NewSession().ConsumeAsync(message, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Op_query_hello_on_admin_cmd_is_answered_with_op_reply()
    {
        var message = WireMessages.OpQuery("admin.$cmd", new BsonDocument { { "isMaster", 1 }, { "helloOk", true } }, requestId: 99);

        await NewSession().ConsumeAsync(message, CancellationToken.None);

        var (responseTo, opCode, document) = WireMessages.ParseReply(Assert.Single(_output.Messages));
        Assert.Equal(99, responseTo);
        Assert.Equal(1, opCode);
        Assert.Equal("admin", document["db"].AsString);
        Assert.Equal("isMaster", document["echo"].AsBsonDocument.GetElement(0).Name);
    }

    [Fact]
    public async Task Op_query_wrapped_in_dollar_query_is_unwrapped()
    {
        var wrapped = new BsonDocument { { "$query", new BsonDocument("hello", 1) }, { "$readPreference", new BsonDocument("mode", "primary") } };

        await NewSession().ConsumeAsync(WireMessages.OpQuery("admin.$cmd", wrapped), CancellationToken.None);

        Assert.Equal(new BsonDocument("hello", 1), Assert.Single(_executor.Commands));
    }

    [Fact]
    public async Task Op_query_with_a_non_handshake_command_is_refused_with_code_352()
    {
        await NewSession().ConsumeAsync(WireMessages.OpQuery("test.$cmd", new BsonDocument("find", "c")), CancellationToken.None);

        var document = WireMessages.ParseReply(Assert.Single(_output.Messages)).Document;
        Assert.Equal(352, document["code"].AsInt32);
        Assert.Equal("UnsupportedOpQueryCommand", document["codeName"].AsString);
        Assert.Empty(_executor.Commands);
    }

    [Fact]
    public async Task Op_msg_without_db_is_answered_with_code_40571()
    {
        await NewSession().ConsumeAsync(WireMessages.OpMsg(new BsonDocument("ping", 1)), CancellationToken.None);

        var document = WireMessages.ParseReply(Assert.Single(_output.Messages)).Document;
        Assert.Equal(0.0, document["ok"].AsDouble);
        Assert.Equal(40571, document["code"].AsInt32);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(48_000_001)]
    [InlineData(int.MaxValue)]
    public async Task Declared_length_outside_16_to_48000000_is_malformed(int length)
    {
        var message = WireMessages.OpMsg(Ping);
        BinaryPrimitives.WriteInt32LittleEndian(message, length);

        await Assert.ThrowsAsync<MalformedMessageException>(() => NewSession().ConsumeAsync(message, CancellationToken.None).AsTask());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2012)]
    [InlineData(2001)]
    [InlineData(12345)]
    public async Task Unsupported_opcode_is_malformed(int opCode)
    {
        var message = WireMessages.OpMsg(Ping);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(12), opCode);

        await Assert.ThrowsAsync<MalformedMessageException>(() => NewSession().ConsumeAsync(message, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Unknown_section_kind_is_malformed()
    {
        var message = WireMessages.OpMsg(Ping);
        message[20] = 2;

        await Assert.ThrowsAsync<MalformedMessageException>(() => NewSession().ConsumeAsync(message, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Message_without_body_section_is_malformed()
    {
        var message = WireMessages.OpMsg(Ping);
        var sequenceOnly = WireMessages.Frame(1, 2013, [0, 0, 0, 0, 1, .. WireMessages.Int32(6), (byte)'a', 0], extra: 0);

        await Assert.ThrowsAsync<MalformedMessageException>(() => NewSession().ConsumeAsync(sequenceOnly, CancellationToken.None).AsTask());
        Assert.Equal(message.Length, await NewSession().ConsumeAsync(message, CancellationToken.None));
    }

    [Fact]
    public async Task Invalid_bson_in_body_is_malformed()
    {
        var message = WireMessages.OpMsg(Ping);
        message[21 + 4] = 0x42; // first element's type byte becomes an unknown BSON type

        await Assert.ThrowsAsync<MalformedMessageException>(() => NewSession().ConsumeAsync(message, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Bson_nested_deeper_than_the_limit_is_malformed_without_overflowing_the_stack()
    {
        const int depth = 100_000;
        var body = NestedDocumentBytes(depth);
        var message = WireMessages.Frame(1, 2013, [0, 0, 0, 0, 0, .. body], extra: 0);

        await Assert.ThrowsAsync<MalformedMessageException>(() => NewSession().ConsumeAsync(message, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Bson_nested_within_the_limit_is_accepted()
    {
        var inner = new BsonDocument("leaf", 1);
        for (var i = 0; i < BsonStructureValidator.MaxDepth - 2; i++) inner = new BsonDocument("n", inner);
        var body = new BsonDocument { { "ping", 1 }, { "nested", inner }, { "$db", "admin" } };

        await NewSession().ConsumeAsync(WireMessages.OpMsg(body), CancellationToken.None);

        Assert.Single(_output.Messages);
    }

    [Fact]
    public async Task Reply_too_large_for_a_message_becomes_an_error_reply()
    {
        var executor = new HugeReplyExecutor();
        var session = new MongoWireSession(executor, new ClientConnectionInfo { Id = 1, RemoteEndPoint = "x" }, _output);

        await session.ConsumeAsync(WireMessages.OpMsg(Ping), CancellationToken.None);

        var document = WireMessages.ParseReply(Assert.Single(_output.Messages)).Document;
        Assert.Equal((int)ErrorCode.BSONObjectTooLarge, document["code"].AsInt32);
    }

    /// <summary>{ a: { a: { ... } } } built directly as bytes, since the driver's serialiser would recurse too.</summary>
    private static byte[] NestedDocumentBytes(int depth)
    {
        // Level i starts at 7*i: int32 length, type 0x03, name "a\0"; the innermost empty document follows the
        // prefixes and every level's terminating zero comes after it (the array is zero-filled already).
        var bytes = new byte[5 + 8 * depth];
        for (var level = 0; level < depth; level++)
        {
            var start = 7 * level;
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(start), 5 + 8 * (depth - level));
            bytes[start + 4] = 0x03;
            bytes[start + 5] = (byte)'a';
        }
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(7 * depth), 5);
        return bytes;
    }

    private sealed class HugeReplyExecutor : ICommandExecutor
    {
        public ValueTask<BsonDocument> ExecuteAsync(BsonDocument command, CommandContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new BsonDocument { { "ok", 1.0 }, { "blob", new BsonBinaryData(new byte[MessageHeader.MaxMessageSizeBytes]) } });

        public void OnConnectionOpened(ClientConnectionInfo connection)
        {
        }

        public void OnConnectionClosed(ClientConnectionInfo connection)
        {
        }
    }
}
