namespace NextLevel.Worker.Channels;

/// <summary>Sends an e-mail (SMTP through MailKit, or the local simulator). Callers have already passed the compliance gate.</summary>
public interface IEmailChannel
{
    Task<MessageReceipt> SendEmailAsync(EmailRequest request, CancellationToken cancellationToken);
}

public sealed record EmailRequest(string LeadId, string To, string Subject, string TextBody, string? HtmlBody);
