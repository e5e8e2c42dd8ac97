using Microsoft.Extensions.Options;
using NextLevel.Worker.Channels;

namespace NextLevel.Worker.Providers.Twilio;

/// <summary>Texts through Twilio Messaging (<c>Messages.json</c> with To, From, Body and StatusCallback).</summary>
public sealed class TwilioSmsChannel(TwilioClient twilio, IOptions<TwilioOptions> options) : ISmsChannel
{
    public async Task<MessageReceipt> SendSmsAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new List<KeyValuePair<string, string>>
        {
            new("To", request.To),
            new("From", string.IsNullOrEmpty(request.From) ? options.Value.FromNumber : request.From),
            new("Body", request.Body),
        };
        var callback = request.StatusCallbackUrl?.AbsoluteUri ?? options.Value.StatusCallbackUrl;
        if (!string.IsNullOrEmpty(callback)) form.Add(new("StatusCallback", callback));

        var message = await twilio.CreateMessageAsync(form, cancellationToken);
        return new MessageReceipt(message.Sid, message.Status ?? "queued");
    }
}
