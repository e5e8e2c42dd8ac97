namespace NextLevel.Worker.Channels;

/// <summary>
/// Places an outbound AI voice call (Twilio + ElevenLabs, or the local simulator). The outcome arrives later through
/// the Api's webhooks; this call only hands the call to the provider. Callers have already passed the compliance gate.
/// </summary>
public interface IVoiceCallChannel
{
    Task<CallPlacement> PlaceCallAsync(OutboundCallRequest request, CancellationToken cancellationToken);
}

/// <param name="To">The callee, E.164.</param>
/// <param name="From">Our caller id, E.164.</param>
/// <param name="DynamicVariables">Values the agent's script may use (first_name, property_address...). Never logged.</param>
/// <param name="StatusCallbackUrl">Where the provider reports call progress (the Api's /webhooks/twilio/status).</param>
public sealed record OutboundCallRequest(
    string LeadId,
    string CallId,
    string To,
    string From,
    string? CampaignId,
    string? VoiceId,
    string? OpeningScript,
    IReadOnlyDictionary<string, string> DynamicVariables,
    Uri? StatusCallbackUrl);

/// <param name="CallSid">The provider's call id (Twilio CA...).</param>
/// <param name="ConversationId">The AI agent's conversation id (ElevenLabs), when known at placement.</param>
public sealed record CallPlacement(string CallSid, string? ConversationId, string Status);
