namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// The protocol side of one connection. The networking layer knows nothing of messages: it hands over every byte
/// received so far and the session reports how many it consumed, so an incomplete frame simply stays in the buffer
/// until the next read completes it. Throwing closes the connection.
/// [Per connection - called sequentially, never concurrently]
/// </summary>
internal interface IWireSession : IDisposable
{
    /// <summary>Processes every complete frame at the start of <paramref name="received"/> and returns the bytes they occupied.</summary>
    ValueTask<int> ConsumeAsync(ReadOnlyMemory<byte> received, CancellationToken cancellationToken);
}

/// <summary>Where a session writes its replies: the connection's socket.</summary>
internal interface IWireOutput
{
    ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken);
}

/// <summary>Creates the session of each accepted connection. [Singleton - ThreadSafe]</summary>
internal interface IWireSessionFactory
{
    IWireSession Create(long connectionId, string remoteEndPoint, IWireOutput output);
}
