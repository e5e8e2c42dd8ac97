using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;

namespace NextLevel.Worker.Services.FollowUp;
/// <summary>What a step leaves on the lead: the attempt recorded with its decision, the next step scheduled, a hold, a block or the end of the sequence — each conditional on the lease.</summary>
public sealed partial class FollowUpEngine
{
    private async Task<string> RecordSentAsync(Lead lead, Campaign campaign, WorkflowStep step, ContactMethod method, ObjectId attemptId, ProviderReceipt receipt, GateDecision? decision, DateTimeOffset sequenceStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var isCall = method is ContactMethod.AutomatedCall or ContactMethod.ManualCall;
        var attempt = Attempt(attemptId, step, method, isCall ? "initiated" : "sent", now, decision, isCall ? attemptId : null);
        attempt.Notes = "provider " + receipt.Status;
        var next = Next(lead, campaign, step, sequenceStart, now);
        if (!await leases.CompleteAsync(lead.Id, Owner(lead), attempt, next, sequenceStart, markContacted: true, cancellationToken)) return "lease_lost";
        if (isCall && campaign.Budget.CostPerCall > 0)
            await _campaigns.UpdateOneAsync(c => c.Id == campaign.Id, Builders<Campaign>.Update.Inc(c => c.Budget.Spent, campaign.Budget.CostPerCall), cancellationToken: cancellationToken);
        telemetry.Sent.Add(1, new KeyValuePair<string, object?>("method", method.ToString()));
        if (next.EndReason is not null) telemetry.Ended.Add(1, new KeyValuePair<string, object?>("reason", next.EndReason));
        LogStepSent(lead.Id, step.Key, method);
        return "sent";
    }

    private StepSchedule Next(Lead lead, Campaign campaign, WorkflowStep step, DateTimeOffset sequenceStart, DateTimeOffset now)
    {
        var qualified = lead.Qualification?.Qualified == true || lead.Status == LeadStatus.Qualified;
        var next = WorkflowPlan.After(campaign.Workflow, campaign.Schedule.CallingHours, step, sequenceStart, now, contactMade: false, qualified);
        if (next.Step is null) return StepSchedule.End(null, next.EndReason!, now);
        var status = next.Step.Phase == WorkflowPhase.Nurture && lead.Status is LeadStatus.New or LeadStatus.Contacted ? LeadStatus.Nurturing : (LeadStatus?)null;
        return StepSchedule.Due(next.Step.Key, next.DueAt!.Value, status);
    }

    private Task<string> ScheduleNextAsync(Lead lead, Campaign campaign, WorkflowStep step, DateTimeOffset sequenceStart, DateTimeOffset now, string reason, CancellationToken cancellationToken)
    {
        var next = Next(lead, campaign, step, sequenceStart, now);
        return RescheduleAsync(lead, next, new StepHold { StepKey = step.Key, At = now.UtcDateTime, Reasons = [reason] }, reason, now, null, cancellationToken);
    }

    private async Task<string> BlockedAsync(Lead lead, WorkflowStep step, ContactMethod method, GateDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var reason in decision.Reasons.DefaultIfEmpty("blocked"))
            telemetry.Blocked.Add(1, new KeyValuePair<string, object?>("reason", reason));
        var hold = new StepHold { StepKey = step.Key, At = now.UtcDateTime, Reasons = [.. decision.Reasons], Until = decision.NextAllowedAt?.UtcDateTime };
        if (decision.NextAllowedAt is { } later && later > now)
        {
            await leases.RescheduleAsync(lead.Id, Owner(lead), StepSchedule.Due(step.Key, later), hold, now, null, cancellationToken);
            return "blocked_rescheduled";
        }
        if (ConsentEventPending(lead, step, decision, now))
        {
            // The Api stores the lead (due at once) and then appends its consent event: a first contact claimed in
            // between sees no consent on record yet. Nothing is sent; the gate is asked again shortly, for a little while.
            hold.Reasons = [.. hold.Reasons, IntakeConsentPending];
            hold.Until = (now + options.Value.IntakeConsentRecheck).UtcDateTime;
            telemetry.Held.Add(1, new KeyValuePair<string, object?>("reason", IntakeConsentPending));
            await leases.RescheduleAsync(lead.Id, Owner(lead), StepSchedule.Due(step.Key, now + options.Value.IntakeConsentRecheck), hold, now, null, cancellationToken);
            return "blocked_rescheduled";
        }
        // Nothing but a change of facts (consent, DNC) can allow it: stop, keeping the decision on record.
        var reasonText = decision.Reasons.Count == 0 ? "blocked" : string.Join(',', decision.Reasons);
        var attempt = Attempt(ObjectId.GenerateNewId(), step, method, "blocked", now, decision, null);
        await leases.RecordAttemptAsync(lead.Id, Owner(lead), attempt, StepSchedule.End(step.Key, "blocked:" + reasonText, now), cancellationToken);
        telemetry.Ended.Add(1, new KeyValuePair<string, object?>("reason", "blocked"));
        return "blocked_stopped";
    }

    /// <summary>A first contact of a lead received moments ago whose own record shows written consent, blocked only
    /// because the consent event is not in the ledger yet (the Api appends it right after storing the lead).</summary>
    private bool ConsentEventPending(Lead lead, WorkflowStep step, GateDecision decision, DateTimeOffset now) =>
        step.Phase == WorkflowPhase.Initial && step.Index == 1
        && lead.Consent.HasWrittenConsent
        && decision.Reasons.Contains(Domain.Compliance.ComplianceReasonCodes.NoWrittenConsent)
        && now.UtcDateTime - lead.ReceivedAt < options.Value.IntakeConsentWindow;

    private Task<string> HoldAsync(Lead lead, string? stepKey, DateTimeOffset until, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        telemetry.Held.Add(1, new KeyValuePair<string, object?>("reason", reason));
        var hold = new StepHold { StepKey = stepKey ?? "", At = now.UtcDateTime, Reasons = [reason], Until = until.UtcDateTime };
        return RescheduleAsync(lead, StepSchedule.Due(stepKey ?? WorkflowStepKeys.First, until), hold, "held:" + reason, now, null, cancellationToken);
    }

    private async Task<string> EndAsync(Lead lead, string reason, DateTimeOffset now, CancellationToken cancellationToken, IReadOnlyList<string>? tags = null)
    {
        telemetry.Ended.Add(1, new KeyValuePair<string, object?>("reason", reason));
        return await RescheduleAsync(lead, StepSchedule.End(lead.FollowUp.StepKey, reason, now), null, "ended:" + reason, now, tags, cancellationToken);
    }

    private async Task<string> RescheduleAsync(Lead lead, StepSchedule next, StepHold? hold, string outcome, DateTimeOffset now, IReadOnlyList<string>? tags, CancellationToken cancellationToken) =>
        await leases.RescheduleAsync(lead.Id, Owner(lead), next, hold, now, tags, cancellationToken) ? outcome : "lease_lost";

    private static ContactAttempt Attempt(ObjectId attemptId, WorkflowStep step, ContactMethod method, string outcome, DateTimeOffset now, GateDecision? decision, ObjectId? callId) => new()
    {
        AttemptId = attemptId,
        Timestamp = now.UtcDateTime,
        Type = method,
        CallId = callId,
        Outcome = outcome,
        StepKey = step.Key,
        Template = step.Template,
        Compliance = decision?.ToRecord(),
    };
}
