using Microsoft.Extensions.Options;
using NextLevel.Worker.Channels;

namespace NextLevel.Worker.Providers.ElevenLabs;

/// <summary>
/// The AI voice call: ElevenLabs' agent dials the lead through our Twilio number imported into ElevenLabs
/// (<c>POST /v1/convai/twilio/outbound-call</c>) and answers with Twilio's CallSid and its conversation id. The
/// lead's values go in as dynamic variables, with our call and lead ids so the post-call webhook finds the call.
/// </summary>
public sealed class ElevenLabsVoiceCallChannel(ElevenLabsClient elevenLabs, IOptions<ElevenLabsOptions> options) : IVoiceCallChannel
{
    public const string CallIdVariable = "call_id";

    public const string LeadIdVariable = "lead_id";

    public async Task<CallPlacement> PlaceCallAsync(OutboundCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var variables = new Dictionary<string, string>(request.DynamicVariables, StringComparer.Ordinal)
        {
            [CallIdVariable] = request.CallId,
            [LeadIdVariable] = request.LeadId,
        };

        var settings = options.Value;
        var answer = await elevenLabs.StartTwilioOutboundCallAsync(
            new TwilioOutboundCallRequest(settings.AgentId, settings.PhoneNumberId, request.To, new ConversationInitiationClientData(variables)),
            cancellationToken);

        if (string.IsNullOrEmpty(answer.CallSid))
        {
            throw new ProviderException("elevenlabs", (System.Net.HttpStatusCode?)null, null, "ElevenLabs started the call without a Twilio CallSid.");
        }

        return new CallPlacement(answer.CallSid, answer.ConversationId, "initiated");
    }
}
