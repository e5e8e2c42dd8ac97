namespace NextLevel.EmbeddedMongo.Conformance;

/// <summary>
/// The server the runner talks to: the one named by --connection-string, or else an in-process embedded engine
/// started for the run and stopped afterwards.
/// </summary>
public sealed class ServerTarget : IAsyncDisposable
{
    private readonly IAsyncDisposable? _ownedServer;

    private ServerTarget(string connectionString, IAsyncDisposable? ownedServer)
    {
        ConnectionString = connectionString;
        _ownedServer = ownedServer;
    }

    public string ConnectionString { get; }

    public static Task<ServerTarget> StartAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (connectionString is not null) return Task.FromResult(new ServerTarget(connectionString, null));
        throw new InvalidOperationException("the embedded engine is not available in this build; pass --connection-string");
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownedServer is not null) await _ownedServer.DisposeAsync();
    }
}
