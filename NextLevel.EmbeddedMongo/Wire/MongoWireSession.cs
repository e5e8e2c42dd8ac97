using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// MongoDB's wire protocol on one connection: frames OP_MSG and OP_QUERY requests out of the received bytes, runs each
/// command on the engine and writes the reply in the request's format. Command documents keep <c>$db</c>, <c>lsid</c>,
/// <c>$clusterTime</c> and <c>$readPreference</c>; handlers ignore the fields they do not use.
/// [Per connection - not thread-safe; the connection calls it sequentially]
/// </summary>
internal sealed class MongoWireSession(
    ICommandExecutor executor,
    ClientConnectionInfo connection,
    IWireOutput output) : IWireSession
{
    private const int UnsupportedOpQueryCommandCode = 352;
    private const int MissingDatabaseCode = 40571;
    private const int OverflowCode = 15;

    private static int s_lastResponseId;

    public async ValueTask<int> ConsumeAsync(ReadOnlyMemory<byte> received, CancellationToken cancellationToken)
    {
        var consumed = 0;
        while (received.Length - consumed >= sizeof(int))
        {
            var pending = received[consumed..];
            var length = MessageHeader.ReadMessageLength(pending.Span);
            if (length < MessageHeader.Length || length > MessageHeader.MaxMessageSizeBytes)
                throw new MalformedMessageException($"invalid message length {length}");
            if (pending.Length < length) break;

            await HandleMessageAsync(pending[..length], cancellationToken);
            consumed += length;
        }
        return consumed;
    }

    public void Dispose() => executor.OnConnectionClosed(connection);

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var header = MessageHeader.Read(message.Span);
        var request = header.OpCode switch
        {
            WireOpCode.Msg => OpMsgParser.Parse(message, header),
            WireOpCode.Query => OpQueryParser.Parse(message, header),
            _ => throw new MalformedMessageException($"unsupported opcode {(int)header.OpCode}"),
        };

        var reply = await ExecuteAsync(request, cancellationToken);
        if (request.MoreToCome) return;

        var responseId = Interlocked.Increment(ref s_lastResponseId);
        using var buffer = WriteReply(request.OpCode, responseId, request.RequestId, reply);
        await output.SendAsync(buffer.WrittenMemory, cancellationToken);
    }

    private async ValueTask<BsonDocument> ExecuteAsync(WireRequest request, CancellationToken cancellationToken)
    {
        var command = request.Command;
        if (command.ElementCount == 0) return MongoError.FailedToParse("Empty command").ToCommandReply();
        var name = command.GetElement(0).Name;

        if (request.OpCode == WireOpCode.Query && (request.Database is null || !IsHandshake(name)))
        {
            return new MongoError(UnsupportedOpQueryCommandCode, "UnsupportedOpQueryCommand",
                $"Unsupported OP_QUERY command: {name}. The client driver may require an upgrade. " +
                "For more details see https://dochub.mongodb.org/core/legacy-opcode-removal").ToCommandReply();
        }
        if (request.Database is null)
            return MongoError.Location(MissingDatabaseCode, "OP_MSG requests require a $db argument").ToCommandReply();

        var context = new CommandContext { Database = request.Database, Connection = connection };
        try
        {
            return await executor.ExecuteAsync(command, context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A defect in one handler must not cost the client its connection.
            return new MongoError(ErrorCode.InternalError, $"{name} failed: {ex.Message}").ToCommandReply();
        }
    }

    /// <summary>
    /// Writes the reply in the request's format. A reply that cannot be serialised (too large, too deep) becomes the
    /// error MongoDB reports for it, so the client is never left waiting.
    /// </summary>
    private static PooledMessageBuffer WriteReply(WireOpCode requestFormat, int responseId, int responseTo, BsonDocument reply)
    {
        try
        {
            return requestFormat == WireOpCode.Query
                ? ReplyWriter.WriteOpReply(responseId, responseTo, reply)
                : ReplyWriter.WriteOpMsg(responseId, responseTo, reply);
        }
        catch (FormatException ex)
        {
            var error = new MongoError(ErrorCode.BSONObjectTooLarge, "reply is too large: " + ex.Message);
            return WriteReply(requestFormat, responseId, responseTo, error.ToCommandReply());
        }
        catch (BsonSerializationException ex)
        {
            var error = new MongoError(OverflowCode, "Overflow", "reply exceeds the maximum nested object depth: " + ex.Message);
            return WriteReply(requestFormat, responseId, responseTo, error.ToCommandReply());
        }
    }

    private static bool IsHandshake(string commandName) => commandName is "hello" or "isMaster" or "ismaster";
}
