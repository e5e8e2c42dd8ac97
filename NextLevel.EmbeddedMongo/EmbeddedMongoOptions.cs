using System.Net;

namespace NextLevel.EmbeddedMongo;

/// <summary>How an <see cref="EmbeddedMongoServer"/> listens and where it keeps its data.</summary>
public sealed class EmbeddedMongoOptions
{
    public const int DefaultMaxConnections = 1000;

    /// <summary>TCP port; 0 picks a free one (read it back from <see cref="EmbeddedMongoServer.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>Address to listen on; loopback by default so nothing is exposed to the network.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Directory for journal and checkpoints (created if missing); null keeps everything in memory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Connections beyond this are accepted and closed at once.</summary>
    public int MaxConnections { get; init; } = DefaultMaxConnections;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long shutdown waits for requests already received to finish before closing their connections.</summary>
    public TimeSpan ShutdownDrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Receives connection events (never document contents) when set; null logs nothing.</summary>
    public TextWriter? DebugLog { get; init; }

    /// <summary>Receives storage recovery and checkpoint messages (never document contents); null logs nothing.</summary>
    public Action<string>? StorageLog { get; init; }

    /// <summary>Commands slower than <see cref="SlowOperationThreshold"/> are written here (mongod's slow-query log); null logs none.</summary>
    public Action<string>? SlowOperationLog { get; init; }

    /// <summary>mongod's slowms: 100 ms unless set.</summary>
    public TimeSpan SlowOperationThreshold { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The command line reported by getCmdLineOpts (the executable passes its arguments).</summary>
    public IReadOnlyList<string> CommandLine { get; init; } = [];
}
