using NextLevel.Worker.Channels;

namespace NextLevel.Worker.Simulator;

/// <summary>Text messages when Twilio is not configured: accepted at once, id derived from the lead and body. [Singleton - ThreadSafe]</summary>
public sealed class SimulatedSmsChannel(HandoffLog handoffs, TimeProvider time) : ISmsChannel
{
    public Task<MessageReceipt> SendSmsAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var id = "SM" + SimulatedVoiceCallChannel.Hex(request.LeadId + "\n" + request.Body);
        handoffs.Record(id, request.LeadId, time.GetUtcNow());
        return Task.FromResult(new MessageReceipt(id, "queued"));
    }
}

/// <summary>E-mail when SMTP is not configured: accepted at once with a Message-Id of the simulator's domain. [Singleton - ThreadSafe]</summary>
public sealed class SimulatedEmailChannel(HandoffLog handoffs, TimeProvider time) : IEmailChannel
{
    public Task<MessageReceipt> SendEmailAsync(EmailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var id = $"<{SimulatedVoiceCallChannel.Hex(request.LeadId + "\n" + request.Subject)}@simulator.nextlevel.local>";
        handoffs.Record(id, request.LeadId, time.GetUtcNow());
        return Task.FromResult(new MessageReceipt(id, "sent"));
    }
}
