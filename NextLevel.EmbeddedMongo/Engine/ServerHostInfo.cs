namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>How the hosting server runs, as buildInfo/serverStatus/getCmdLineOpts report it. Immutable.</summary>
public sealed record ServerHostInfo
{
    /// <summary>"host:port" as serverStatus.host reports it.</summary>
    public string Host { get; init; } = Environment.MachineName;

    public int Port { get; init; }

    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>Null when the data lives in memory only.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The executable's command line (getCmdLineOpts.argv); empty when embedded as a library.</summary>
    public IReadOnlyList<string> CommandLine { get; init; } = [];

    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;
}
