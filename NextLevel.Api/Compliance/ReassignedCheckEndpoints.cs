using Microsoft.AspNetCore.Http.HttpResults;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Compliance;

/// <summary>One Reassigned Numbers Database check of a number, as kept in consent_logs.</summary>
public sealed record ReassignedCheckResponse(
    string ConsentLogId, string? LeadId, string Phone, string Result, DateTime ConsentDate, DateTime CheckedAt, string Provider, string? RequestId, bool? HasSafeHarbor, string RecordedBy)
{
    public static ReassignedCheckResponse From(ConsentLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var check = log.ReassignedCheck!;
        return new(log.Id.ToString(), log.LeadId?.ToString(), log.Phone ?? "", StoredEnum.Name(check.Result), check.ConsentDate, check.CheckedAt,
            check.Provider, check.RequestId, check.HasSafeHarbor, log.RecordedBy);
    }
}

public static class ReassignedCheckEndpoints
{
    /// <summary>GET /api/compliance/reassigned-checks/{phone} — every Reassigned Numbers Database check of the number, newest first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<ReassignedCheckResponse>>, ValidationProblem>> ListAsync(
        string phone, ReassignedNumberChecks checks, CancellationToken cancellationToken)
    {
        if (!DncPhoneNumbers.TryNormalise(phone, out var e164))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["phone"] = ["Must be a phone number, e.g. +15551234567."] });
        var list = await checks.ForPhoneAsync(e164, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReassignedCheckResponse>>([.. list.Select(ReassignedCheckResponse.From)]);
    }
}
