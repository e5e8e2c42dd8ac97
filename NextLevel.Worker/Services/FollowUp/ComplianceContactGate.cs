using MongoDB.Bson;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;

namespace NextLevel.Worker.Services.FollowUp;

/// <summary>The engine's gate: the Domain's <see cref="ComplianceService"/>, asked for the step's channel at the moment of sending.</summary>
public sealed class ComplianceContactGate(ComplianceService compliance) : IContactGate
{
    public async Task<GateDecision> CheckAsync(ObjectId leadId, ContactMethod method, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var decision = await compliance.CanContactAsync(leadId, Channel(method), at, cancellationToken);
        return new GateDecision(
            decision.Allowed,
            [.. decision.Reasons.Select(r => r.Code)],
            decision.NextAllowedAt,
            decision.ConsentLogId,
            decision.DncCheckedAt,
            decision.CalleeTimeZone,
            decision.CalleeLocalTime,
            decision.RecordingDisclosureRequired,
            decision.EvaluatedAt);
    }

    public static ContactChannel Channel(ContactMethod method) => method switch
    {
        ContactMethod.AutomatedCall => ContactChannel.AutomatedCall,
        ContactMethod.ManualCall => ContactChannel.ManualCall,
        ContactMethod.Sms => ContactChannel.Sms,
        _ => ContactChannel.Email,
    };
}
