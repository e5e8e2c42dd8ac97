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
