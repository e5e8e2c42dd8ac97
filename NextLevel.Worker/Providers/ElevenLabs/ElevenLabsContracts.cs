using System.Text.Json.Serialization;

namespace NextLevel.Worker.Providers.ElevenLabs;

/// <summary>Body of <c>POST /v1/convai/twilio/outbound-call</c>.</summary>
public sealed record TwilioOutboundCallRequest(
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("agent_phone_number_id")] string AgentPhoneNumberId,
    [property: JsonPropertyName("to_number")] string ToNumber,
    [property: JsonPropertyName("conversation_initiation_client_data")] ConversationInitiationClientData? ConversationInitiationClientData);

public sealed record ConversationInitiationClientData(
    [property: JsonPropertyName("dynamic_variables")] IReadOnlyDictionary<string, string> DynamicVariables);

/// <summary>200 answer of the outbound call: success, message, conversation_id and callSid (camelCase, as ElevenLabs sends it).</summary>
public sealed record TwilioOutboundCallResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("conversation_id")] string? ConversationId,
    [property: JsonPropertyName("callSid")] string? CallSid);
