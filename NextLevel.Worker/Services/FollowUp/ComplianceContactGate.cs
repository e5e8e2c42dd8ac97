using MongoDB.Bson;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Domain.Leads;
using NextLevel.Worker.Services.Reassigned;

namespace NextLevel.Worker.Services.FollowUp;

/// <summary>
/// The engine's gate: the Domain's <see cref="ComplianceService"/>, asked for the step's channel at the moment of sending.
/// When the gate answers that a Reassigned Numbers Database check is due (<c>reassigned_check_required</c>), the
/// check is run and recorded (<see cref="ReassignedCheckRunner"/>) and the gate asked again; if the provider cannot
/// answer, the contact waits <see cref="CheckRetryDelay"/> (reason <c>reassigned_check_unavailable</c>).
/// </summary>
public sealed class ComplianceContactGate(ComplianceService compliance, ReassignedCheckRunner? reassigned = null) : IContactGate
{
    public const string CheckUnavailable = "reassigned_check_unavailable";

    public static readonly TimeSpan CheckRetryDelay = TimeSpan.FromMinutes(15);

    public async Task<GateDecision> CheckAsync(ObjectId leadId, ContactMethod method, DateTimeOffset at, CancellationToken cancellationToken) =>
        await DecideAsync(leadId, await compliance.ReadFactsAsync(leadId, at, cancellationToken), method, at, cancellationToken);

    public async Task<IReadOnlyDictionary<ObjectId, ComplianceFacts>?> ReadFactsAsync(IReadOnlyList<Lead> leads, DateTimeOffset at, CancellationToken cancellationToken) =>
        await compliance.ReadFactsAsync(leads, at, cancellationToken);

    public Task<GateDecision> CheckAsync(ComplianceFacts facts, ContactMethod method, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Lead is { } lead ? DecideAsync(lead.Id, facts, method, at, cancellationToken) : CheckAsync(ObjectId.Empty, method, at, cancellationToken);
    }

    private async Task<GateDecision> DecideAsync(ObjectId leadId, ComplianceFacts facts, ContactMethod method, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var channel = Channel(method);
        var decision = ComplianceGate.Evaluate(facts, channel, at);
        if (reassigned is null
            || decision.ReassignedCheck is not { CheckDue: true, ConsentDate: { } consentDate }
            || !decision.Reasons.Any(r => r.Code == ComplianceReasonCodes.ReassignedCheckRequired)
            || facts.Lead?.Contact.Phone is not { Length: > 0 } phone)
            return ToGate(decision);

        if (await reassigned.RunAsync(leadId, phone, consentDate, cancellationToken) is null)
        {
            // Only waiting can help when nothing but the missing check (and the clock) blocks.
            var onlyCheck = decision.Reasons.All(r => r.Code == ComplianceReasonCodes.ReassignedCheckRequired || ComplianceReasonCodes.TimeBased.Contains(r.Code));
            return ToGate(decision) with { Reasons = [.. decision.Reasons.Select(r => r.Code), CheckUnavailable], NextAllowedAt = onlyCheck ? at + CheckRetryDelay : null };
        }

        return ToGate(await compliance.CanContactAsync(leadId, channel, at, cancellationToken));
    }

    private static GateDecision ToGate(ComplianceDecision decision) => new(
        decision.Allowed,
        [.. decision.Reasons.Select(r => r.Code)],
        decision.NextAllowedAt,
        decision.ConsentLogId,
        decision.DncCheckedAt,
        decision.CalleeTimeZone,
        decision.CalleeLocalTime,
        decision.RecordingDisclosureRequired,
        decision.EvaluatedAt,
        decision.ReassignedCheck);

    public static ContactChannel Channel(ContactMethod method) => method switch
    {
        ContactMethod.AutomatedCall => ContactChannel.AutomatedCall,
        ContactMethod.ManualCall => ContactChannel.ManualCall,
        ContactMethod.Sms => ContactChannel.Sms,
        _ => ContactChannel.Email,
    };
}
