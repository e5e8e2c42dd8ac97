namespace NextLevel.Api.Calls;

/// <summary>Log messages of the call webhooks: ids and reasons only, never phone numbers, names or transcript text.</summary>
internal static partial class CallsLog
{
    [LoggerMessage(1, LogLevel.Warning, "Twilio status callback refused: {Reason}")]
    public static partial void TwilioSignatureRefused(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Twilio status callback for unknown call {CallSid}")]
    public static partial void UnknownCallSid(ILogger logger, string callSid);

    [LoggerMessage(3, LogLevel.Information, "Call {CallId} status {Status} (Twilio sequence {Sequence})")]
    public static partial void StatusApplied(ILogger logger, string callId, string status, string? sequence);

    [LoggerMessage(4, LogLevel.Warning, "ElevenLabs webhook refused: {Reason}")]
    public static partial void ElevenLabsSignatureRefused(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Information, "ElevenLabs webhook of type {Type} ignored")]
    public static partial void EventIgnored(ILogger logger, string type);

    [LoggerMessage(6, LogLevel.Warning, "ElevenLabs post-call for unknown conversation {ConversationId}")]
    public static partial void UnknownConversation(ILogger logger, string conversationId);

    [LoggerMessage(7, LogLevel.Information, "Post-call of call {CallId} already stored; nothing changed")]
    public static partial void AlreadyProcessed(ILogger logger, string callId);

    [LoggerMessage(8, LogLevel.Information, "Post-call of call {CallId} stored: outcome {Outcome}, lead {LeadId}")]
    public static partial void PostCallStored(ILogger logger, string callId, string outcome, string leadId);

    [LoggerMessage(9, LogLevel.Warning, "Spoken revocation in call {CallId} recorded for lead {LeadId}")]
    public static partial void SpokenRevocation(ILogger logger, string callId, string leadId);

    [LoggerMessage(10, LogLevel.Information, "Call {CallSid} progress {Status} (Twilio sequence {Sequence})")]
    public static partial void ProgressApplied(ILogger logger, string callSid, string status, string? sequence);
}
