using System.Buffers.Binary;
using System.Net.Sockets;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Tests.Wire;

/// <summary>A bare TCP client speaking raw bytes, to send what no driver would.</summary>
internal sealed class RawWireClient : IDisposable
{
    private readonly TcpClient _tcp = new() { NoDelay = true };

    private NetworkStream Stream => _tcp.GetStream();

    public static async Task<RawWireClient> ConnectAsync(int port)
    {
        var client = new RawWireClient();
        await client._tcp.ConnectAsync("127.0.0.1", port);
        return client;
    }

    public async Task SendAsync(byte[] bytes) => await Stream.WriteAsync(bytes);

    /// <summary>Reads one reply; null when the server closed the connection, throws on timeout.</summary>
    public async Task<(int ResponseTo, int OpCode, BsonDocument Document)?> ReceiveAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var header = new byte[16];
        if (!await ReadExactlyOrEndAsync(header, cancel.Token)) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        var message = new byte[length];
        header.CopyTo(message, 0);
        if (!await ReadExactlyOrEndAsync(message.AsMemory(16), cancel.Token)) return null;
        return WireMessages.ParseReply(message);
    }

    /// <summary>True when the server closes the connection within the timeout (anything it sends first is ignored).</summary>
    public async Task<bool> IsClosedByServerAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                if (await Stream.ReadAsync(buffer, cancel.Token) == 0) return true;
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => _tcp.Dispose();

    private async Task<bool> ReadExactlyOrEndAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await Stream.ReadExactlyAsync(buffer, cancellationToken);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
