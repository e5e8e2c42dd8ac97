using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>What the protocol layer needs from the engine: run commands, and know when connections come and go. [ThreadSafe]</summary>
internal interface ICommandExecutor
{
    ValueTask<BsonDocument> ExecuteAsync(BsonDocument command, CommandContext context, CancellationToken cancellationToken);

    void OnConnectionOpened(ClientConnectionInfo connection);

    /// <summary>Releases what the connection owned (its cursors).</summary>
    void OnConnectionClosed(ClientConnectionInfo connection);
}
