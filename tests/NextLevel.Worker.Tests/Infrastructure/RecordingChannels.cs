using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using NextLevel.Worker.Channels;

namespace NextLevel.Worker.Tests.Infrastructure;

/// <summary>One step that reached a provider.</summary>
public sealed record SentStep(string Method, string LeadId, string Key, DateTimeOffset At);

/// <summary>
/// Provider channels that record every hand-off. Calls are deduplicated on the call id, as a provider honouring the
/// idempotency key does; <see cref="OnSend"/> lets a test check invariants at the moment of hand-off or simulate a
/// process dying right after the provider accepted.
/// </summary>
public sealed class RecordingChannels(FakeTimeProvider clock) : IVoiceCallChannel, ISmsChannel, IEmailChannel
{
    private readonly ConcurrentDictionary<string, CallPlacement> _placed = new(StringComparer.Ordinal);

    public ConcurrentQueue<SentStep> Sent { get; } = new();

    /// <summary>Every call request received, including repeats of the same call id.</summary>
    public ConcurrentQueue<string> CallRequests { get; } = new();

    public Func<SentStep, Task>? OnSend { get; set; }

    public async Task<CallPlacement> PlaceCallAsync(OutboundCallRequest request, CancellationToken cancellationToken)
    {
        CallRequests.Enqueue(request.CallId);
        var isNew = false;
        var placement = _placed.GetOrAdd(request.CallId, id => { isNew = true; return new CallPlacement("CA" + id.PadLeft(32, '0')[..32], null, "queued"); });
        var step = new SentStep("call", request.LeadId, request.CallId, clock.GetUtcNow());
        if (isNew) Sent.Enqueue(step);
        if (OnSend is { } hook) await hook(step);
        return placement;
    }

    public async Task<MessageReceipt> SendSmsAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        var step = new SentStep("sms", request.LeadId, request.Body, clock.GetUtcNow());
        Sent.Enqueue(step);
        if (OnSend is { } hook) await hook(step);
        return new MessageReceipt("SM" + Guid.NewGuid().ToString("N"), "queued");
    }

    public async Task<MessageReceipt> SendEmailAsync(EmailRequest request, CancellationToken cancellationToken)
    {
        var step = new SentStep("email", request.LeadId, request.Subject, clock.GetUtcNow());
        Sent.Enqueue(step);
        if (OnSend is { } hook) await hook(step);
        return new MessageReceipt($"<{Guid.NewGuid():N}@test>", "sent");
    }
}
