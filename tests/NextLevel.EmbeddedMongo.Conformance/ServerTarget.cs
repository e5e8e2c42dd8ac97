namespace NextLevel.EmbeddedMongo.Conformance;

/// <summary>
/// The server the runner talks to: the one named by --connection-string, or else an in-process embedded engine on a
/// free loopback port, started for the run and stopped afterwards.
/// </summary>
public sealed class ServerTarget : IAsyncDisposable
{
    private readonly EmbeddedMongoServer? _ownedServer;

    private ServerTarget(string connectionString, EmbeddedMongoServer? ownedServer)
    {
        ConnectionString = connectionString;
        _ownedServer = ownedServer;
    }

    public string ConnectionString { get; }

    public static async Task<ServerTarget> StartAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (connectionString is not null) return new ServerTarget(connectionString, null);

        var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { Port = 0 }, cancellationToken);
        return new ServerTarget(EmbeddedConnectionString(server.ConnectionString), server);
    }

    /// <summary>A single in-process server: connect directly instead of discovering a topology.</summary>
    public static string EmbeddedConnectionString(string serverConnectionString)
        => serverConnectionString + (serverConnectionString.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "directConnection=true";

    public async ValueTask DisposeAsync()
    {
        if (_ownedServer is not null) await _ownedServer.DisposeAsync();
    }
}
