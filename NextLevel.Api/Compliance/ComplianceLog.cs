namespace NextLevel.Api.Compliance;

/// <summary>Compliance log events. Ids and counts only: never a phone number, e-mail, name or message text.</summary>
internal static partial class ComplianceLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Consent revoked ({Origin}) for {LeadCount} lead(s); internal DNC added: {DncAdded}")]
    public static partial void ConsentRevoked(ILogger logger, string origin, int leadCount, bool dncAdded);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Consent granted for lead {LeadId}, event {ConsentLogId}")]
    public static partial void ConsentGranted(ILogger logger, string leadId, string consentLogId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "DNC import {Source} {State}: {Lines} lines, {Accepted} accepted, {Rejected} rejected, {Inserted} new, {Ended} ended")]
    public static partial void DncImported(ILogger logger, string source, string? state, long lines, long accepted, long rejected, long inserted, long ended);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Twilio webhook refused: {Why}")]
    public static partial void TwilioRefused(ILogger logger, string why);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Inbound text recorded as a reply on {LeadCount} lead(s)")]
    public static partial void ReplyRecorded(ILogger logger, long leadCount);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Information, Message = "Internal DNC {Change} by {Actor}")]
    public static partial void InternalDncChanged(ILogger logger, string change, string actor);
}
