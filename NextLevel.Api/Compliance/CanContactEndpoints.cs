using Microsoft.AspNetCore.Http.HttpResults;
using NextLevel.Domain.Compliance;

namespace NextLevel.Api.Compliance;

public static class CanContactEndpoints
{
    /// <summary>GET /api/compliance/can-contact/{leadId}?channel=call|automated_call|manual_call|sms|email&amp;at=ISO-8601 (default now).</summary>
    public static async Task<Results<Ok<CanContactResponse>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem>> CanContactAsync(
        string leadId, string? channel, string? at, [AsParameters] ComplianceServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ComplianceInput.TryObjectId(leadId, out var id)) errors["leadId"] = ["Must be a 24-hex-digit lead id."];
        ContactChannel parsed = default;
        if (string.IsNullOrWhiteSpace(channel)) errors["channel"] = ["Required: call, automated_call, manual_call, sms or email."];
        else if (!ComplianceInput.Channels.TryGetValue(channel.Trim(), out parsed)) errors["channel"] = ["Must be call, automated_call, manual_call, sms or email."];
        var instant = services.Time.GetUtcNow();
        if (!string.IsNullOrWhiteSpace(at) && !ComplianceInput.TryInstant(at, out instant)) errors["at"] = ["Must be an ISO 8601 date and time, e.g. 2026-03-02T17:00:00Z."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var decision = await services.Gate.CanContactAsync(id, parsed, instant, cancellationToken);
        if (decision.Reasons.Any(r => r.Code == ComplianceReasonCodes.LeadNotFound))
            return TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "Lead not found", Status = StatusCodes.Status404NotFound });
        return TypedResults.Ok(new CanContactResponse(
            id.ToString(), ComplianceInput.Name(parsed), instant, decision.Allowed, decision.Reasons, decision.NextAllowedAt, decision.ConsentLogId,
            decision.DncCheckedAt, decision.CalleeTimeZone, decision.CalleeLocalTime, decision.RecordingDisclosureRequired, decision.EvaluatedAt,
            decision.ReassignedCheck));
    }
}
