using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Wire;

namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>
/// The connection handshake. Drivers read hello to learn the server kind: without setName/hosts/msg they see a
/// standalone; no <c>compression</c> field means messages stay uncompressed; authentication fields are ignored.
/// </summary>
public sealed partial class MongoEngine
{
    public const int MaxBsonObjectSize = 16 * 1024 * 1024;
    public const int MaxWriteBatchSize = 100_000;
    public const int LogicalSessionTimeoutMinutes = 30;
    public const int MinWireVersion = 0;
    public const int MaxWireVersion = 21;

    [MongoCommand("hello", "isMaster", "ismaster")]
    private async ValueTask<BsonDocument> HelloAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        await AwaitTopologyChangeAsync(command, cancellationToken);

        var isLegacyName = command.GetElement(0).Name != "hello";
        return new BsonDocument
        {
            { "helloOk", true },
            { isLegacyName ? "ismaster" : "isWritablePrimary", true },
            { "topologyVersion", new BsonDocument { { "processId", TopologyProcessId }, { "counter", 0L } } },
            { "maxBsonObjectSize", MaxBsonObjectSize },
            { "maxMessageSizeBytes", MessageHeader.MaxMessageSizeBytes },
            { "maxWriteBatchSize", MaxWriteBatchSize },
            { "localTime", new BsonDateTime(Time.GetUtcNow().UtcDateTime) },
            { "logicalSessionTimeoutMinutes", LogicalSessionTimeoutMinutes },
            { "connectionId", ConnectionIdValue(context.Connection) },
            { "minWireVersion", MinWireVersion },
            { "maxWireVersion", MaxWireVersion },
            { "readOnly", false },
            { "ok", 1.0 },
        };
    }

    private static BsonValue ConnectionIdValue(ClientConnectionInfo connection) =>
        connection.Id <= int.MaxValue ? new BsonInt32((int)connection.Id) : new BsonInt64(connection.Id);

    /// <summary>
    /// A driver's monitor sends <c>topologyVersion</c> + <c>maxAwaitTimeMS</c> and expects the server to answer only when
    /// the topology changes or the wait expires. Ours never changes, so we wait the full time: answering at once would
    /// make the monitor spin.
    /// </summary>
    private async Task AwaitTopologyChangeAsync(BsonDocument command, CancellationToken cancellationToken)
    {
        if (!command.TryGetValue("maxAwaitTimeMS", out var maxAwait) || !maxAwait.IsNumeric) return;
        if (!command.TryGetValue("topologyVersion", out var version) || !version.IsBsonDocument) return;

        var waitMilliseconds = maxAwait.ToInt64();
        if (waitMilliseconds < 0) throw MongoError.BadValue("maxAwaitTimeMS must be a non-negative integer");

        var topology = version.AsBsonDocument;
        var sameProcess = topology.TryGetValue("processId", out var processId) && processId.IsObjectId && processId.AsObjectId == TopologyProcessId;
        var sameCounter = topology.TryGetValue("counter", out var counter) && counter.IsNumeric && counter.ToInt64() == 0;
        if (!sameProcess || !sameCounter) return;

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ShuttingDown);
        try
        {
            // Wall-clock on purpose, not the engine's TimeProvider: the driver times this reply out in real time, and a
            // fake clock that never advances would make its monitor give up and reset the connection pool.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(waitMilliseconds, int.MaxValue)), wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Shutting down: answer now so the connection can close.
        }
    }

    [MongoCommand("startSession")]
    private ValueTask<BsonDocument> StartSessionAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new BsonDocument
        {
            { "id", new BsonDocument("id", new BsonBinaryData(Guid.NewGuid(), GuidRepresentation.Standard)) },
            { "timeoutMinutes", LogicalSessionTimeoutMinutes },
            { "ok", 1.0 },
        });

    /// <summary>
    /// Sessions carry no server-side state beyond what commands keep per lsid, so ending, refreshing or killing
    /// them only acknowledges (as a standalone does for sessions it no longer knows).
    /// </summary>
    [MongoCommand("endSessions", "refreshSessions", "killSessions", "killAllSessions", "killAllSessionsByPattern")]
    private ValueTask<BsonDocument> SessionMaintenanceAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken)
    {
        var argument = command.GetElement(0);
        if (argument.Name is "endSessions" or "refreshSessions" or "killSessions" or "killAllSessions" && !argument.Value.IsBsonArray)
            throw MongoError.TypeMismatch($"BSON field '{argument.Name}' is the wrong type '{argument.Value.BsonType.ToString().ToLowerInvariant()}', expected type 'array'");
        return ValueTask.FromResult(new BsonDocument("ok", 1.0));
    }

    /// <summary>Authentication is not supported, so there is never anyone to log out.</summary>
    [MongoCommand("logout")]
    private ValueTask<BsonDocument> LogoutAsync(CommandContext context, BsonDocument command, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new BsonDocument("ok", 1.0));
}
