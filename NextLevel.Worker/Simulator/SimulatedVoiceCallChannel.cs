using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using NextLevel.Worker.Channels;

namespace NextLevel.Worker.Simulator;

/// <summary>
/// The voice channel when no provider is configured: accepts the call at once (recording the hand-off time), draws
/// its outcome and queues the provider's reports (Twilio status callbacks, the ElevenLabs post-call webhook) to the
/// Api. Idempotent on the call id: handing the same call over twice places it once. [Singleton - ThreadSafe]
/// </summary>
public sealed class SimulatedVoiceCallChannel(CallOutcomeGenerator outcomes, SimulatorReports reports, HandoffLog handoffs, TimeProvider time) : IVoiceCallChannel
{
    private readonly ConcurrentDictionary<string, CallPlacement> _placed = new(StringComparer.Ordinal);

    public Task<CallPlacement> PlaceCallAsync(OutboundCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var placement = _placed.GetOrAdd(request.CallId, id => new CallPlacement("CA" + Hex(id), "conv_" + Hex("conv" + id)[..20], "queued"));
        if (handoffs.Record(request.CallId, request.LeadId, time.GetUtcNow()))
        {
            var call = outcomes.Next(request.DynamicVariables.GetValueOrDefault("first_name"));
            reports.Enqueue(request, placement, call);
        }
        return Task.FromResult(placement);
    }

    internal static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
