using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;
using NextLevel.Worker.Channels;

namespace NextLevel.Worker.Providers.Smtp;

/// <summary>
/// Sends e-mail over SMTP with MailKit (host, port, TLS mode and sign-in from <see cref="SmtpOptions"/>). Each message
/// carries List-Unsubscribe headers (a mailto to the sender, and the page when configured).
/// </summary>
public sealed class SmtpEmailChannel(IOptions<SmtpOptions> options) : IEmailChannel
{
    public async Task<MessageReceipt> SendEmailAsync(EmailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var message = Build(request, settings);

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            // The server's reply text often repeats the recipient's address: keep only its code, never the text.
            var code = ((int)e.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new ProviderException("smtp", null, code, $"The SMTP server refused the message ({code}, {e.ErrorCode}).");
        }
        catch (Exception e) when (e is SmtpProtocolException or MailKit.Security.AuthenticationException
                                      or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException)
        {
            throw new ProviderException("smtp", $"The SMTP server could not be used ({e.GetType().Name}).", e);
        }

        return new MessageReceipt(message.MessageId ?? "", "sent");
    }

    /// <summary>The MIME message: plain text, plus HTML when given, with a fresh Message-Id.</summary>
    public static MimeMessage Build(EmailRequest request, SmtpOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName ?? "", settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(request.To));
        message.Subject = request.Subject;
        message.MessageId = MimeUtils.GenerateMessageId(settings.FromAddress[(settings.FromAddress.IndexOf('@') + 1)..]);

        var unsubscribe = $"<mailto:{settings.FromAddress}?subject=unsubscribe>";
        if (!string.IsNullOrEmpty(settings.UnsubscribeUrl)) unsubscribe += $", <{settings.UnsubscribeUrl}>";
        message.Headers.Add("List-Unsubscribe", unsubscribe);

        var body = new BodyBuilder { TextBody = request.TextBody, HtmlBody = request.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}
