using MongoDB.Bson;

namespace NextLevel.Api.Leads;

/// <summary>The lead feature's log messages: ids only, never names, phones or emails.</summary>
internal static partial class LeadsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {LeadId} changed to status {Status}, stage {Stage} by {UserId}")]
    public static partial void StatusChanged(ILogger logger, ObjectId leadId, string status, string stage, string? userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead export of {Rows} rows by {UserId}")]
    public static partial void Exported(ILogger logger, long rows, string? userId);
}
