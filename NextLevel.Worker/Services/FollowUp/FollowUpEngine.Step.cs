using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Worker.Services.FollowUp;
/// <summary>One step of a claimed lead: stop conditions, campaign, limits, the compliance gate at the moment of sending, the hand-off.</summary>
public sealed partial class FollowUpEngine
{
    private async Task<GateDecision> DecideAsync(Lead lead, ContactMethod method, StepBatch? batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (batch?.Facts is { } facts && facts.TryGetValue(lead.Id, out var known) && now - known.ReadAt <= options.Value.BatchFactsMaxAge)
            return await gate.CheckAsync(known, method, now, cancellationToken);
        return await gate.CheckAsync(lead.Id, method, now, cancellationToken);
    }

    private async Task<string> RunStepAsync(Lead lead, StepBatch? batch, CancellationToken cancellationToken)
    {
        var owner = Owner(lead);
        var now = time.GetUtcNow();
        var progress = lead.FollowUp;

        if (lead.Tags.Contains(LeadLeases.NeedsHumanTag)) return await EndAsync(lead, "reply_received", now, cancellationToken);
        if (lead.Status is LeadStatus.Converted or LeadStatus.Lost or LeadStatus.Dnc)
            return await EndAsync(lead, "lead_" + StoredEnum.Name(lead.Status), now, cancellationToken);
        if (lead.CampaignId is not { } campaignId) return await EndAsync(lead, "no_campaign", now, cancellationToken);
        var campaign = batch is not null && batch.Campaigns.TryGetValue(campaignId, out var known)
            ? known
            : await _campaigns.Find(c => c.Id == campaignId).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null) return await EndAsync(lead, "campaign_missing", now, cancellationToken);
        if (campaign.Status == CampaignStatus.Completed) return await EndAsync(lead, "campaign_completed", now, cancellationToken);
        if (campaign.Status is CampaignStatus.Paused or CampaignStatus.Draft)
            return await HoldAsync(lead, progress.StepKey, now + options.Value.PausedRecheck, "campaign_" + StoredEnum.Name(campaign.Status), now, cancellationToken);
        if (campaign.Schedule.EndDate is { } end && now.UtcDateTime > end) return await EndAsync(lead, "campaign_ended", now, cancellationToken);
        if (now.UtcDateTime < campaign.Schedule.StartDate)
            return await HoldAsync(lead, progress.StepKey, new DateTimeOffset(campaign.Schedule.StartDate, TimeSpan.Zero), "campaign_not_started", now, cancellationToken);

        var step = WorkflowSteps.Resolve(campaign.Workflow, progress.StepKey);
        if (step is null) return await EndAsync(lead, WorkflowPlan.EndCompleted, now, cancellationToken);
        var sequenceStart = progress.SequenceStartedAt is { } started ? new DateTimeOffset(started, TimeSpan.Zero) : now;

        if (progress.Done.Contains(step.Key))
        {
            // Recorded already (a worker died after recording but before the cursor moved): just move on.
            return await ScheduleNextAsync(lead, campaign, step, sequenceStart, now, "already_done", cancellationToken);
        }

        if (step.Phase == WorkflowPhase.Initial && step.Index > 1 && await LastCallWasConversationAsync(lead.Id, cancellationToken))
            return await EndAsync(lead, "conversation_held", now, cancellationToken, [LeadLeases.NeedsHumanTag]);

        var method = ChooseMethod(step, lead);
        if (method is null) return await ScheduleNextAsync(lead, campaign, step, sequenceStart, now, "skipped_no_address", cancellationToken);

        var attemptId = progress.Sending is { } inFlight && inFlight.StepKey == step.Key ? inFlight.AttemptId : ObjectId.GenerateNewId();
        if (progress.Sending is { } earlier && earlier.StepKey == step.Key && await ProviderAcceptedAsync(earlier, method.Value, cancellationToken) is { } accepted)
        {
            // The previous worker handed this step over and died before recording it: record it, never send again.
            return await RecordSentAsync(lead, campaign, step, method.Value, attemptId, accepted.Receipt, accepted.Decision, sequenceStart, now, cancellationToken);
        }

        var decision = await DecideAsync(lead, method.Value, batch, now, cancellationToken);
        if (!decision.Allowed) return await BlockedAsync(lead, step, method.Value, decision, now, cancellationToken);

        var reserved = await ReserveLimitsAsync(lead, campaign, step, method.Value, now, cancellationToken);
        if (reserved is not null) return reserved;

        if (!await leases.MarkSendingAsync(lead.Id, owner, new StepInFlight { StepKey = step.Key, AttemptId = attemptId, StartedAt = now.UtcDateTime, Owner = owner }, cancellationToken))
            return "lease_lost";

        ProviderReceipt receipt;
        try
        {
            receipt = await dispatcher.SendAsync(lead, campaign, step, method.Value, attemptId.ToString(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogProviderFailed(ex, lead.Id, step.Key);
            var failed = Attempt(attemptId, step, method.Value, "failed", now, decision, null);
            await leases.RecordAttemptAsync(lead.Id, Owner(lead), failed, StepSchedule.Due(step.Key, now + options.Value.ProviderRetryDelay), cancellationToken);
            return "provider_failed";
        }

        if (method is ContactMethod.AutomatedCall or ContactMethod.ManualCall)
            await InsertCallAsync(lead, campaign, attemptId, receipt, decision, now, cancellationToken);
        return await RecordSentAsync(lead, campaign, step, method.Value, attemptId, receipt, decision, sequenceStart, now, cancellationToken);
    }


    private async Task<string?> ReserveLimitsAsync(Lead lead, Campaign campaign, WorkflowStep step, ContactMethod method, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var budget = campaign.Budget;
        var tomorrow = CallingSchedule.StartOfNextDay(campaign.Schedule.CallingHours, now);
        var isCall = method is ContactMethod.AutomatedCall or ContactMethod.ManualCall;
        if (isCall && budget.TotalBudget > 0 && budget.Spent + budget.CostPerCall > budget.TotalBudget)
            return await HoldAsync(lead, step.Key, tomorrow, "budget_exhausted", now, cancellationToken);
        var firstContact = step.Phase == WorkflowPhase.Initial && step.Index == 1;
        if (firstContact && !await limits.TryReserveAsync(campaign, LimitLeads, budget.MaxLeadsPerDay, cancellationToken))
            return await HoldAsync(lead, step.Key, tomorrow, "max_leads_per_day", now, cancellationToken);
        if (isCall && !await limits.TryReserveAsync(campaign, LimitCalls, budget.MaxCallsPerDay, cancellationToken))
        {
            if (firstContact) await limits.ReleaseAsync(campaign, LimitLeads, cancellationToken);
            return await HoldAsync(lead, step.Key, tomorrow, "max_calls_per_day", now, cancellationToken);
        }
        return null;
    }

    private static ContactMethod? ChooseMethod(WorkflowStep step, Lead lead)
    {
        var hasPhone = !string.IsNullOrWhiteSpace(lead.Contact.Phone);
        var hasEmail = !string.IsNullOrWhiteSpace(lead.Contact.Email);
        return step.Method switch
        {
            ContactMethod.Email when hasEmail => ContactMethod.Email,
            // Nurture content goes by text when there is no e-mail address.
            ContactMethod.Email when step.Phase == WorkflowPhase.Nurture && hasPhone => ContactMethod.Sms,
            ContactMethod.Email => null,
            _ when hasPhone => step.Method,
            _ => null,
        };
    }

    private async Task<bool> LastCallWasConversationAsync(ObjectId leadId, CancellationToken cancellationToken)
    {
        var last = await _calls.Find(c => c.LeadId == leadId).SortByDescending(c => c.InitiatedAt).FirstOrDefaultAsync(cancellationToken);
        return last is not null
            && last.Status is CallStatus.Answered or CallStatus.Completed
            && last.Outcome != CallOutcome.Voicemail
            && (last.Duration ?? last.TalkTime ?? 0) >= options.Value.ConversationSeconds;
    }

    /// <summary>For a call handed over by a worker that died before recording it: the calls document it wrote
    /// right after the provider accepted is the proof.</summary>
    private async Task<(ProviderReceipt Receipt, GateDecision? Decision)?> ProviderAcceptedAsync(StepInFlight inFlight, ContactMethod method, CancellationToken cancellationToken)
    {
        if (method is not (ContactMethod.AutomatedCall or ContactMethod.ManualCall)) return null;
        var call = await _calls.Find(c => c.Id == inFlight.AttemptId).FirstOrDefaultAsync(cancellationToken);
        return call is null ? null : (new ProviderReceipt(call.CallSid, call.ConversationId, "accepted"), null);
    }
}
