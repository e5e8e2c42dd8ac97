using MongoDB.Bson;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>Intake's log lines: lead ids, sources and counts only — never names, phones, e-mails or addresses.</summary>
internal static partial class IntakeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {LeadId} received from {Source}, campaign {CampaignId}")]
    public static partial void LeadCreated(ILogger logger, ObjectId leadId, string source, ObjectId? campaignId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery of lead {LeadId} from {Source}")]
    public static partial void Duplicate(ILogger logger, ObjectId leadId, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {LeadId} updated by {Source}: {ChangedFields} contact fields changed, {Notes} notes added")]
    public static partial void LeadUpdated(ILogger logger, ObjectId leadId, string source, int changedFields, int notes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Source} webhook: authentication failed")]
    public static partial void Unauthenticated(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead import {ImportId} finished: {Created} created, {Duplicates} duplicates, {Failed} failed")]
    public static partial void ImportFinished(ILogger logger, string importId, int created, int duplicates, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lead imports: could not claim or checkpoint; retrying")]
    public static partial void ImportPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lead import {ImportId} stopped")]
    public static partial void ImportFailed(ILogger logger, Exception exception, string importId);
}
