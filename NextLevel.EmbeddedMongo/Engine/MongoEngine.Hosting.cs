using System.Diagnostics.CodeAnalysis;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Wire;

namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>What the engine knows about the server hosting it: counters, host details, topology identity, shutdown.</summary>
[SuppressMessage("Design", "CA1001", Justification = "The shutdown source has no timer and lives as long as the engine; it is cancelled, never disposed.")]
public sealed partial class MongoEngine : ICommandExecutor
{
    private readonly CancellationTokenSource _shuttingDown = new();

    /// <summary>serverStatus.connections, kept by the wire layer.</summary>
    public ConnectionCounters Connections { get; } = new();

    /// <summary>Set by the hosting server once it listens; defaults describe an engine used as a library.</summary>
    public ServerHostInfo HostInfo { get; internal set; } = new();

    /// <summary>Identifies this server process in hello's topologyVersion; the counter never changes (a standalone has no topology events).</summary>
    internal ObjectId TopologyProcessId { get; } = ObjectId.GenerateNewId();

    /// <summary>Fires when the server begins a graceful shutdown, releasing handlers that wait (awaitable hello).</summary>
    internal CancellationToken ShuttingDown => _shuttingDown.Token;

    internal void SignalShutdown() => _shuttingDown.Cancel();

    void ICommandExecutor.OnConnectionOpened(ClientConnectionInfo connection) => Connections.Opened();

    void ICommandExecutor.OnConnectionClosed(ClientConnectionInfo connection)
    {
        Connections.Closed();
        OnConnectionClosed(connection.Id);
    }
}
