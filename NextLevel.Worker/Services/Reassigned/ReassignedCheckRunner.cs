using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Reassigned;

namespace NextLevel.Worker.Services.Reassigned;

/// <summary>
/// Runs one Reassigned Numbers Database check when the gate asks for one: queries the provider with the number and
/// the consent date, and records the answer in consent_logs (through the Domain's ledger). Returns null when the
/// provider could not answer (after the resilience handler's retries); nothing is recorded then.
/// </summary>
public sealed partial class ReassignedCheckRunner(IReassignedNumbersClient client, ReassignedNumberChecks checks, ILogger<ReassignedCheckRunner> logger)
{
    public const string RecordedBy = "worker";

    public async Task<ConsentLog?> RunAsync(ObjectId leadId, string phone, DateTimeOffset consentDate, CancellationToken cancellationToken)
    {
        ReassignedAnswer answer;
        try
        {
            answer = await client.CheckAsync(new ReassignedQuery(phone, DateOnly.FromDateTime(consentDate.UtcDateTime)), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogCheckFailed(ex.GetType().Name, leadId);
            return null;
        }

        var recorded = await checks.RecordAsync(leadId, phone, consentDate, answer, RecordedBy, cancellationToken);
        LogChecked(leadId, answer.Provider, answer.Result, recorded.Id);
        return recorded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reassigned-number check for lead {LeadId}: {Provider} answered {Result} (consent log {ConsentLogId})")]
    private partial void LogChecked(ObjectId leadId, string provider, ReassignedCheckResult result, ObjectId consentLogId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reassigned-number check for lead {LeadId} failed ({ErrorType}); the contact waits and is retried")]
    private partial void LogCheckFailed(string errorType, ObjectId leadId);
}
