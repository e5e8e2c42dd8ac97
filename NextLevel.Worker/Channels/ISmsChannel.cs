namespace NextLevel.Worker.Channels;

/// <summary>Sends a text message (Twilio Messaging, or the local simulator). Callers have already passed the compliance gate.</summary>
public interface ISmsChannel
{
    Task<MessageReceipt> SendSmsAsync(SmsRequest request, CancellationToken cancellationToken);
}

/// <param name="To">E.164.</param>
/// <param name="From">Our number, E.164.</param>
public sealed record SmsRequest(string LeadId, string To, string From, string Body, Uri? StatusCallbackUrl);

/// <param name="ProviderMessageId">The provider's id (Twilio SM..., SMTP Message-Id).</param>
public sealed record MessageReceipt(string ProviderMessageId, string Status);
