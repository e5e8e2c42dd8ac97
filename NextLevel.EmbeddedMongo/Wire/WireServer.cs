using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// Accepts TCP connections and runs each on its own receive loop. Knows nothing of MongoDB: every connection gets a
/// session from <see cref="IWireSessionFactory"/>. Connections beyond the cap are accepted and closed at once; accept
/// errors back off from 100 ms to 5 s so a persistent failure (e.g. out of descriptors) cannot spin the CPU.
/// [Singleton - ThreadSafe]
/// </summary>
internal sealed class WireServer : IAsyncDisposable
{
    private static readonly TimeSpan MinAcceptBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxAcceptBackoff = TimeSpan.FromSeconds(5);

    private readonly Socket _listener;
    private readonly IWireSessionFactory _sessions;
    private readonly int _maxConnections;
    private readonly int _maxFrameSize;
    private readonly TextWriter? _debugLog;
    private readonly CancellationTokenSource _stopAccepting = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<long, (WireConnection Connection, Task Run)> _connections = new();
    private Task _acceptLoop = Task.CompletedTask;
    private long _lastConnectionId;
    private int _connectionCount;
    private int _stopped;

    private WireServer(Socket listener, IWireSessionFactory sessions, int maxConnections, int maxFrameSize, TextWriter? debugLog)
    {
        _listener = listener;
        _sessions = sessions;
        _maxConnections = maxConnections;
        _maxFrameSize = maxFrameSize;
        _debugLog = debugLog;
    }

    /// <summary>The bound endpoint (the actual port when 0 was requested).</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>
    /// Binds and listens (clients may queue in the backlog) without accepting yet, so the caller can learn the actual
    /// port before the first connection is served. Throws <see cref="SocketException"/> if the address is unavailable.
    /// </summary>
    public static WireServer Listen(IPEndPoint endPoint, IWireSessionFactory sessions, int maxConnections, int maxFrameSize, TextWriter? debugLog)
    {
        var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endPoint);
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        return new WireServer(listener, sessions, maxConnections, maxFrameSize, debugLog);
    }

    /// <summary>Starts serving connections; call once.</summary>
    public void StartAccepting()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopped) == 1, this);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>
    /// Stops accepting and reading new requests, lets requests already received finish within <paramref name="drainTimeout"/>,
    /// then closes whatever remains.
    /// </summary>
    public async Task StopAsync(TimeSpan drainTimeout)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        await _stopAccepting.CancelAsync();
        _listener.Dispose();
        await _acceptLoop;

        var running = _connections.Values.Select(c => c.Run).ToArray();
        var drained = Task.WhenAll(running);
        if (await Task.WhenAny(drained, Task.Delay(drainTimeout)) != drained)
        {
            await _abort.CancelAsync();
            foreach (var (connection, _) in _connections.Values) connection.Close();
            await drained;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _stopAccepting.Dispose();
        _abort.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var backoff = TimeSpan.Zero;
        while (!_stopAccepting.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopAccepting.Token);
                backoff = TimeSpan.Zero;
            }
            catch (Exception) when (_stopAccepting.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                backoff = backoff == TimeSpan.Zero ? MinAcceptBackoff : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxAcceptBackoff.Ticks));
                _debugLog?.WriteLine($"accept failed ({ex.Message}); retrying in {backoff.TotalMilliseconds:0} ms");
                try
                {
                    await Task.Delay(backoff, _stopAccepting.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                continue;
            }

            if (Interlocked.Increment(ref _connectionCount) > _maxConnections)
            {
                Interlocked.Decrement(ref _connectionCount);
                _debugLog?.WriteLine($"connection refused: limit of {_maxConnections} reached");
                socket.Dispose();
                continue;
            }
            StartConnection(socket);
        }
    }

    private void StartConnection(Socket socket)
    {
        socket.NoDelay = true;
        var id = Interlocked.Increment(ref _lastConnectionId);
        var connection = new WireConnection(id, socket, _maxFrameSize, _debugLog);
        _debugLog?.WriteLine($"connection {id} accepted from {connection.RemoteEndPoint}");

        IWireSession session;
        try
        {
            session = _sessions.Create(id, connection.RemoteEndPoint, connection);
        }
        catch (Exception ex)
        {
            _debugLog?.WriteLine($"connection {id} dropped: session could not start ({ex.GetType().Name})");
            Interlocked.Decrement(ref _connectionCount);
            connection.Close();
            return;
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = RunConnectionAsync(connection, session, gate.Task);
        _connections[id] = (connection, run);
        gate.SetResult();
    }

    private async Task RunConnectionAsync(WireConnection connection, IWireSession session, Task registered)
    {
        // Wait until the connection is registered so the cleanup below always finds its entry.
        await registered;
        try
        {
            await connection.RunAsync(session, _stopAccepting.Token, _abort.Token);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            Interlocked.Decrement(ref _connectionCount);
            _debugLog?.WriteLine($"connection {connection.Id} closed");
        }
    }
}
