using System.Buffers;
using System.Net.Sockets;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// One accepted socket: reads into a pooled buffer, lets the session consume whole frames, and keeps the remainder
/// (a partial frame) for the next read. Requests on one connection run strictly one after another.
/// [Per connection - one receive loop]
/// </summary>
internal sealed class WireConnection(long id, Socket socket, int maxBufferSize, TextWriter? debugLog) : IWireOutput
{
    private const int InitialBufferSize = 64 * 1024;

    public long Id { get; } = id;

    public string RemoteEndPoint { get; } = socket.RemoteEndPoint?.ToString() ?? "unknown";

    /// <summary>
    /// Runs until the peer disconnects, the session rejects a frame, or <paramref name="stopReceiving"/> fires.
    /// Requests already received keep running under <paramref name="abort"/>, so a graceful stop finishes in-flight work.
    /// </summary>
    public async Task RunAsync(IWireSession session, CancellationToken stopReceiving, CancellationToken abort)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var filled = 0;
        try
        {
            while (!stopReceiving.IsCancellationRequested)
            {
                if (filled == buffer.Length) buffer = Grow(buffer);

                var received = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, stopReceiving);
                if (received == 0) break;
                filled += received;

                var consumed = await session.ConsumeAsync(buffer.AsMemory(0, filled), abort);
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
            session.Dispose();
            Close();
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        while (!message.IsEmpty)
        {
            var sent = await socket.SendAsync(message, SocketFlags.None, cancellationToken);
            message = message[sent..];
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
