using System.Net;
using System.Net.Sockets;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Storage;
using NextLevel.EmbeddedMongo.Wire;

namespace NextLevel.EmbeddedMongo;

/// <summary>
/// A MongoDB-compatible server in this process: storage, engine and wire listener.
/// <code>await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions(), ct);
/// var client = new MongoClient(server.ConnectionString);</code>
/// Disposing stops accepting, lets requests already received finish, closes connections, checkpoints and closes storage.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class EmbeddedMongoServer : IAsyncDisposable
{
    private readonly StorageEngine _storage;
    private readonly WireServer _wire;
    private readonly TimeSpan _drainTimeout;
    private int _disposed;

    private EmbeddedMongoServer(StorageEngine storage, MongoEngine engine, WireServer wire, TimeSpan drainTimeout)
    {
        _storage = storage;
        Engine = engine;
        _wire = wire;
        _drainTimeout = drainTimeout;
        Port = wire.EndPoint.Port;
        ConnectionString = $"mongodb://{FormatHost(wire.EndPoint.Address)}:{Port}/";
    }

    /// <summary>The port actually listened on.</summary>
    public int Port { get; }

    /// <summary><c>mongodb://127.0.0.1:&lt;port&gt;/</c> (a wildcard bind address is reached through loopback).</summary>
    public string ConnectionString { get; }

    public MongoEngine Engine { get; }

    /// <summary>
    /// Opens storage (recovering the journal) and starts listening. Throws if the data directory is locked by another
    /// server or the port is taken; nothing stays open on failure.
    /// </summary>
    public static async Task<EmbeddedMongoServer> StartAsync(EmbeddedMongoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnections, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);

        var storage = await StorageEngine.OpenAsync(
            new StorageOptions { DataDirectory = options.DataDirectory, Time = options.TimeProvider, Log = options.StorageLog }, cancellationToken);
        WireServer? wire = null;
        try
        {
            var engine = new MongoEngine(storage, options.TimeProvider)
            {
                SlowOperations = options.SlowOperationLog is { } slowLog ? new SlowOperationLog(options.SlowOperationThreshold, slowLog) : null,
            };
            engine.Connections.MaxConnections = options.MaxConnections;
            wire = WireServer.Listen(
                new IPEndPoint(options.BindAddress, options.Port),
                new MongoWireSessionFactory(engine),
                options.MaxConnections,
                MessageHeader.MaxMessageSizeBytes,
                options.DebugLog);

            var port = wire.EndPoint.Port;
            engine.HostInfo = new ServerHostInfo
            {
                Host = Environment.MachineName,
                Port = port,
                BindAddress = options.BindAddress.ToString(),
                DataDirectory = options.DataDirectory is null ? null : Path.GetFullPath(options.DataDirectory),
                CommandLine = options.CommandLine,
                StartedAt = options.TimeProvider.GetUtcNow(),
            };
            wire.StartAccepting();
            return new EmbeddedMongoServer(storage, engine, wire, options.ShutdownDrainTimeout);
        }
        catch
        {
            if (wire is not null) await wire.DisposeAsync();
            await storage.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        Engine.SignalShutdown();
        await _wire.StopAsync(_drainTimeout);
        await _wire.DisposeAsync();
        await _storage.DisposeAsync(); // writes the final checkpoint and releases the directory lock

    }

    private static string FormatHost(IPAddress address)
    {
        if (address.Equals(IPAddress.Any)) return "127.0.0.1";
        if (address.Equals(IPAddress.IPv6Any)) return "[::1]";
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
    }
}
