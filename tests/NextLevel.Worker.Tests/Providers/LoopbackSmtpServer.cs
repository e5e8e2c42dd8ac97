using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NextLevel.Worker.Tests.Providers;

/// <summary>One SMTP transaction as the loopback server saw it.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTo, string Data);

/// <summary>
/// Just enough SMTP (RFC 5321) for MailKit on 127.0.0.1:0, one session at a time: greeting, EHLO, MAIL FROM,
/// RCPT TO, DATA (dot-stuffing undone), RSET, NOOP, QUIT. <see cref="RejectRecipients"/> answers 550 to RCPT.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackSmtpServer(bool rejectRecipients = false)
    {
        RejectRecipients = rejectRecipients;
        _listener.Start();
        _loop = AcceptLoopAsync();
    }

    public bool RejectRecipients { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<ReceivedMail> Messages { get; } = [];

    public List<string> Commands { get; } = [];

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using (client)
            {
                await ServeAsync(client.GetStream());
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, false, 4096, leaveOpen: true);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost ESMTP loopback");
        string? from = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            lock (Commands) Commands.Add(line);
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    from = Between(line);
                    to.Clear();
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT" when RejectRecipients:
                    await writer.WriteLineAsync($"550 5.1.1 <{Between(line)}>: Recipient address rejected");
                    break;
                case "RCPT":
                    to.Add(Between(line));
                    await writer.WriteLineAsync("250 2.1.5 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    lock (Messages) Messages.Add(new ReceivedMail(from ?? "", [.. to], data.ToString()));
                    await writer.WriteLineAsync("250 2.0.0 Queued");
                    break;
                case "RSET":
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                    break;
            }
        }
    }

    private static string Between(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
