using MongoDB.Bson;

namespace NextLevel.Api.Closers;

/// <summary>Log lines of the closers' workflow: ids only, never names, phones, e-mails or addresses.</summary>
internal static partial class ClosingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} on lead {LeadId} {Action} by {UserId}")]
    public static partial void TaskChanged(ILogger logger, ObjectId taskId, ObjectId leadId, string action, string? userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Visit {AppointmentId} on lead {LeadId} {Action} for closer {CloserId}")]
    public static partial void VisitChanged(ILogger logger, ObjectId appointmentId, ObjectId leadId, string action, string closerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferId} on property {PropertyId} {Action} by {UserId}")]
    public static partial void OfferChanged(ILogger logger, ObjectId offerId, ObjectId propertyId, string action, string? userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deal {DealId} on property {PropertyId} {Action} by {UserId}")]
    public static partial void DealChanged(ILogger logger, ObjectId dealId, ObjectId propertyId, string action, string? userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} created a {TaskType} task on lead {LeadId}")]
    public static partial void CallTaskCreated(ILogger logger, string callId, string taskType, ObjectId leadId);
}
