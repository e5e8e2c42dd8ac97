using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Telemetry;

namespace NextLevel.Worker.Services.FollowUp;

/// <summary>
/// Runs due workflow steps, each exactly once: claims a due lead under a lease, checks the stop conditions, the
/// campaign (status, schedule, budget, daily limits) and then the compliance gate at the moment of sending, records
/// the step as in flight, hands it to the provider with the attempt id as idempotency key, and records the attempt
/// with the gate's decision while moving the lead to its next step — conditional on still holding the lease.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed partial class FollowUpEngine(
    IMongoDatabase database,
    LeadLeases leases,
    CampaignLimits limits,
    IContactGate gate,
    ChannelDispatcher dispatcher,
    IOptions<FollowUpOptions> options,
    WorkerTelemetry telemetry,
    TimeProvider time,
    ILogger<FollowUpEngine> logger)
{
    public const string LimitCalls = "calls";
    public const string LimitLeads = "leads";

    /// <summary>Hold reason: a new lead's consent event was not in the ledger yet when its first contact was due.</summary>
    public const string IntakeConsentPending = "intake_consent_pending";

    private readonly IMongoCollection<Campaign> _campaigns = database.GetCollection<Campaign>(CollectionNames.Campaigns);
    private readonly IMongoCollection<Call> _calls = database.GetCollection<Call>(CollectionNames.Calls);
    private long _claims;
    private GroupCommit<Call, bool>? _callInserts;

    /// <summary>The calls inserts of the steps in flight, written together.</summary>
    private GroupCommit<Call, bool> CallInserts =>
        Volatile.Read(ref _callInserts) ?? Interlocked.CompareExchange(ref _callInserts, new(WriteCallsAsync), null) ?? _callInserts!;

    /// <summary>What the steps of one claimed batch share: its campaigns, and the gate's facts of its leads (null: read per step).</summary>
    private sealed record StepBatch(IReadOnlyDictionary<ObjectId, Campaign> Campaigns, IReadOnlyDictionary<ObjectId, Domain.Compliance.ComplianceFacts>? Facts);

    public string WorkerId => options.Value.WorkerId;

    /// <summary>Claims and runs due steps, in batches of up to <see cref="FollowUpOptions.BatchSize"/>, until none is due
    /// or <paramref name="max"/> were claimed; returns how many were claimed.</summary>
    public async Task<int> RunDueAsync(int max, CancellationToken cancellationToken)
    {
        var count = 0;
        while (count < max)
        {
            var batch = await ClaimBatchAsync(Math.Min(max - count, Math.Max(1, options.Value.BatchSize)), cancellationToken);
            if (batch.Count == 0) break;
            count += batch.Count;
            await RunBatchAsync(batch, cancellationToken);
        }
        return count;
    }

    /// <summary>Claims up to <paramref name="max"/> due leads under one lease token (<see cref="LeadLeases.ClaimDueAsync"/>).</summary>
    public async Task<IReadOnlyList<ClaimedLead>> ClaimBatchAsync(int max, CancellationToken cancellationToken)
    {
        var opts = options.Value;
        var claimed = await leases.ClaimDueAsync(NextLeaseToken(), time.GetUtcNow(), opts.LeaseDuration, max, cancellationToken);
        foreach (var lead in claimed) Count(lead);
        return claimed;
    }

    /// <summary>Claims the next due lead (exposed so tests can simulate a worker that dies right after claiming).</summary>
    public async Task<ClaimedLead?> ClaimAsync(CancellationToken cancellationToken)
    {
        var opts = options.Value;
        var claimed = await leases.ClaimNextAsync(NextLeaseToken(), time.GetUtcNow(), opts.LeaseDuration, cancellationToken);
        if (claimed is not null) Count(claimed);
        return claimed;
    }

    /// <summary>
    /// Runs the steps of a claimed batch side by side. The batch's campaigns are read once and the compliance gate's
    /// facts about every lead of the batch are read together (one read per kind of fact); each step then still asks the
    /// Domain's gate about its own lead at its moment of sending, on facts at most <see cref="FollowUpOptions.BatchFactsMaxAge"/>
    /// old (older ones are read again for that lead alone).
    /// </summary>
    public async Task RunBatchAsync(IReadOnlyList<ClaimedLead> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 1)
        {
            await RunClaimedAsync(batch[0], cancellationToken);
            return;
        }
        var now = time.GetUtcNow();
        var leads = batch.Select(c => c.Lead).ToList();
        var campaignIds = leads.Select(l => l.CampaignId).OfType<ObjectId>().Distinct().ToList();
        var campaignsTask = _campaigns.Find(Builders<Campaign>.Filter.In(c => c.Id, campaignIds)).ToListAsync(cancellationToken);
        var factsTask = gate.ReadFactsAsync(leads, now, cancellationToken);
        StepBatch? shared = null;
        try
        {
            await Task.WhenAll(campaignsTask, factsTask);
            shared = new StepBatch((await campaignsTask).ToDictionary(c => c.Id), await factsTask);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Each step reads what it needs by itself.
            LogBatchReadFailed(ex, batch.Count);
        }
        await Task.WhenAll(batch.Select(claimed => RunClaimedAsync(claimed, shared, cancellationToken)));
    }

    /// <summary>Runs the step of a lead this worker has claimed.</summary>
    public Task RunClaimedAsync(ClaimedLead claimed, CancellationToken cancellationToken) => RunClaimedAsync(claimed, null, cancellationToken);

    private async Task RunClaimedAsync(ClaimedLead claimed, StepBatch? batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var lead = claimed.Lead;
        using var activity = WorkerTelemetry.Source.StartActivity("followup.step");
        activity?.SetTag("nextlevel.lead_id", lead.Id.ToString());
        try
        {
            var outcome = await RunStepAsync(lead, batch, cancellationToken);
            activity?.SetTag("nextlevel.outcome", outcome);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease expires and another pass retries the step; the in-flight record prevents a double send.
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            LogStepFailed(ex, lead.Id);
        }
    }

    /// <summary>A lease token unique to one claim: the worker's id and a sequence number. Every write of a step matches
    /// only the token its lead was claimed with.</summary>
    private string NextLeaseToken() => $"{WorkerId}/{Interlocked.Increment(ref _claims)}";

    private void Count(ClaimedLead claimed)
    {
        telemetry.Claimed.Add(1);
        if (claimed.PreviousOwner is { } previous && previous != WorkerId && !previous.StartsWith(WorkerId + "/", StringComparison.Ordinal))
        {
            telemetry.LeaseExpiries.Add(1);
            LogLeaseTakenOver(claimed.Lead.Id);
        }
    }

    /// <summary>The lease token the lead was claimed with.</summary>
    private static string Owner(Lead lead) => lead.FollowUp.LeaseOwner ?? throw new InvalidOperationException("A step ran on a lead that was not claimed.");

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

    private async Task InsertCallAsync(Lead lead, Campaign campaign, ObjectId attemptId, ProviderReceipt receipt, GateDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // initiatedAt is the moment the provider accepted the call (the hand-off), not when the step began.
        var handedOff = time.GetUtcNow().UtcDateTime;
        var call = new Call
        {
            Id = attemptId,
            CallSid = receipt.ProviderId,
            ConversationId = receipt.ConversationId,
            LeadId = lead.Id,
            ContactPhone = lead.Contact.Phone!,
            FromPhone = options.Value.FromNumber,
            InitiatedAt = handedOff,
            Direction = CallDirection.Outbound,
            Type = CallType.Automated,
            CampaignId = campaign.Id,
            Status = CallStatus.Initiated,
            ConsentVerified = decision.ConsentLogId is not null,
            DncChecked = decision.DncCheckedAt is not null,
            ComplianceNotes = $"gate allowed at {decision.EvaluatedAt:O}; callee local time {decision.CalleeLocalTime} ({decision.CalleeTimeZone})",
            CreatedAt = handedOff,
            UpdatedAt = handedOff,
            CreatedBy = "worker",
            UpdatedBy = "worker",
        };
        await CallInserts.SubmitAsync(call, cancellationToken);
    }

    /// <summary>Inserts the group's calls documents in one unordered insertMany. A duplicate id means the provider's
    /// webhook (or an earlier try) recorded the call first, which is as good; any other error fails that call's step.</summary>
    private async Task WriteCallsAsync(IReadOnlyList<GroupCommit<Call, bool>.Pending> group)
    {
        try
        {
            await _calls.InsertManyAsync(group.Select(p => p.Request), new InsertManyOptions { IsOrdered = false });
        }
        catch (MongoBulkWriteException<Call> ex)
        {
            foreach (var error in ex.WriteErrors.Where(e => e.Category != ServerErrorCategory.DuplicateKey))
                group[error.Index].Fail(new InvalidOperationException($"calls insert failed for call {group[error.Index].Request.Id}: code {error.Code}"));
        }
        foreach (var pending in group) pending.Complete(true);
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Step {StepKey} of lead {LeadId} handed to the provider ({Method})")]
    private partial void LogStepSent(ObjectId leadId, string stepKey, ContactMethod method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider refused step {StepKey} of lead {LeadId}; retried later")]
    private partial void LogProviderFailed(Exception ex, ObjectId leadId, string stepKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Step of lead {LeadId} failed; it is retried when the lease expires")]
    private partial void LogStepFailed(Exception ex, ObjectId leadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the shared facts of a batch of {Count} steps failed; each step reads its own")]
    private partial void LogBatchReadFailed(Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {LeadId} taken over after another worker's lease expired")]
    private partial void LogLeaseTakenOver(ObjectId leadId);
}
