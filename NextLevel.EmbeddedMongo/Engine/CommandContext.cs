namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>What a command handler knows about where the command came from.</summary>
public sealed class CommandContext
{
    /// <summary>The target database (the command's <c>$db</c>).</summary>
    public required string Database { get; init; }

    /// <summary>The connection the command arrived on (cursors and sessions are per connection).</summary>
    public required ClientConnectionInfo Connection { get; init; }
}

/// <summary>A client connection as commands see it (whatsmyuri, currentOp, cursor ownership).</summary>
public sealed class ClientConnectionInfo
{
    public required long Id { get; init; }

    public required string RemoteEndPoint { get; init; }
}
