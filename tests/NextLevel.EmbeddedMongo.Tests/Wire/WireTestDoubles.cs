using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Wire;

namespace NextLevel.EmbeddedMongo.Tests.Wire;

/// <summary>Answers every command with <c>{ ok: 1, echo: command, db }</c> so framing can be tested without an engine.</summary>
internal sealed class EchoExecutor : ICommandExecutor
{
    private int _open;

    public List<BsonDocument> Commands { get; } = [];

    public int OpenConnections => Volatile.Read(ref _open);

    public ValueTask<BsonDocument> ExecuteAsync(BsonDocument command, CommandContext context, CancellationToken cancellationToken)
    {
        lock (Commands) Commands.Add(command);
        return ValueTask.FromResult(new BsonDocument { { "ok", 1.0 }, { "echo", command }, { "db", context.Database } });
    }

    public void OnConnectionOpened(ClientConnectionInfo connection) => Interlocked.Increment(ref _open);

    public void OnConnectionClosed(ClientConnectionInfo connection) => Interlocked.Decrement(ref _open);
}

/// <summary>Collects what a session sends.</summary>
internal sealed class RecordingOutput : IWireOutput
{
    public List<byte[]> Messages { get; } = [];

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        Messages.Add(message.ToArray());
        return ValueTask.CompletedTask;
    }
}
