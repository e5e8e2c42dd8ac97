using System.Buffers;
using System.Net.Sockets;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// One accepted socket: reads into a pooled buffer, lets the session consume whole frames, and keeps the remainder
/// (a partial frame) for the next read. Requests on one connection run strictly one after another.
/// Each connection has its own thread doing blocking socket calls (mongod's thread per connection): the kernel wakes
/// exactly that thread when a request arrives, where an asynchronous receive passes through the socket engine's event
/// thread and a thread-pool worker, two more hand-offs and context switches per request (about a fifth of an indexed
/// find's engine CPU on two cores). Nothing else could run on a connection meanwhile, so blocking costs no
/// concurrency; a request that awaits (a journaled write's group commit) holds only its own connection's thread.
/// [Per connection - one receive thread; replies are sent by whichever thread completes the request]
/// </summary>
internal sealed class WireConnection(long id, Socket socket, int maxBufferSize, TextWriter? debugLog) : IWireOutput
{
    private const int InitialBufferSize = 64 * 1024;

    public long Id { get; } = id;

    public string RemoteEndPoint { get; } = socket.RemoteEndPoint?.ToString() ?? "unknown";

    /// <summary>
    /// Runs until the peer disconnects, the session rejects a frame, or <paramref name="stopReceiving"/> fires, then
    /// closes the socket; the caller disposes the session once it has released the connection's slot.
    /// Requests already received keep running under <paramref name="abort"/>, so a graceful stop finishes in-flight work.
    /// </summary>
    public Task RunAsync(IWireSession session, CancellationToken stopReceiving, CancellationToken abort)
    {
        // Continuations run on this connection's thread as it ends, so the server releases the connection's slot at
        // once, as when the receive loop was an async method.
        var completion = new TaskCompletionSource();
        var thread = new Thread(() =>
        {
            try
            {
                Run(session, stopReceiving, abort);
                completion.SetResult();
            }
            catch (Exception ex)
            {
                // Never let a connection's failure end the process: the server observes it through the task.
                completion.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = $"wire connection {Id}",
        };
        thread.UnsafeStart();
        return completion.Task;
    }

    private void Run(IWireSession session, CancellationToken stopReceiving, CancellationToken abort)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var filled = 0;
        // A receive blocked on an idle connection returns 0 once the receive side is shut down: that is how a stop reaches it.
        using var stop = stopReceiving.Register(static state => ((WireConnection)state!).ShutdownReceive(), this);
        try
        {
            while (!stopReceiving.IsCancellationRequested)
            {
                if (filled == buffer.Length) buffer = Grow(buffer);

                var received = socket.Receive(buffer.AsSpan(filled), SocketFlags.None);
                if (received == 0) break;
                filled += received;

                var consumed = WaitFor(session.ConsumeAsync(buffer.AsMemory(0, filled), abort));
                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }

                // A big message should not pin a big buffer on an idle connection.
                if (filled == 0 && buffer.Length > InitialBufferSize)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
                }
            }
        }
        catch (OperationCanceledException) when (stopReceiving.IsCancellationRequested || abort.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            debugLog?.WriteLine($"connection {Id} from {RemoteEndPoint}: socket closed ({ex.GetType().Name})");
        }
        catch (Exception ex)
        {
            debugLog?.WriteLine($"connection {Id} from {RemoteEndPoint}: closing after protocol error: {ex.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Close();
        }
    }

    /// <summary>
    /// Sends with blocking calls: an asynchronous operation would switch the socket to non-blocking mode for good, and
    /// the connection thread's receives would then wait through the socket engine again. A close (shutdown abort)
    /// ends a blocked send with an exception.
    /// </summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var span = message.Span;
        while (!span.IsEmpty)
        {
            var sent = socket.Send(span, SocketFlags.None);
            span = span[sent..];
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Most requests complete synchronously; a write waits here for its group commit, on this connection's own thread.</summary>
    private static int WaitFor(ValueTask<int> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    private void ShutdownReceive()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Receive);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }

    public void Close()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer.
        }
        socket.Dispose();
    }

    private byte[] Grow(byte[] buffer)
    {
        if (buffer.Length >= maxBufferSize) throw new InvalidOperationException($"a frame exceeds the receive limit of {maxBufferSize} bytes");
        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBufferSize));
        buffer.CopyTo(grown, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }
}
