using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Worker.Services.FollowUp;

/// <summary>A lead claimed under a lease, and the lease it held before (to notice expired claims of other workers).</summary>
public sealed record ClaimedLead(Lead Lead, string? PreviousOwner);

/// <summary>
/// Every write the engine makes to a lead. Each is conditional on this worker still holding the lease, so a worker
/// whose lease expired (and was taken over) can no longer change the lead. [Singleton - ThreadSafe]
/// </summary>
public sealed class LeadLeases
{
    private readonly GroupCommit<InFlightMark, bool> _marks;

    public LeadLeases(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _leads = database.GetCollection<Lead>(CollectionNames.Leads);
        _marks = new(WriteMarksAsync);
    }

    /// <summary>Set by whoever puts the lead in front of a person (an inbound reply, a conversation): the automated sequence pauses.</summary>
    public const string NeedsHumanTag = "needs_human";

    /// <summary>Every status is looked at (stopped leads are claimed once to end their sequence), new leads first.</summary>
    private static readonly LeadStatus[] ClaimOrder = [LeadStatus.New, .. Enum.GetValues<LeadStatus>().Where(s => s != LeadStatus.New)];

    private static readonly LeadStatus[] LaterStatuses = [.. ClaimOrder.Skip(1)];

    private readonly IMongoCollection<Lead> _leads;

    private static FilterDefinitionBuilder<Lead> F => Builders<Lead>.Filter;

    private static UpdateDefinitionBuilder<Lead> U => Builders<Lead>.Update;

    /// <summary>Claims the most overdue lead whose next step is due and whose lease is free or expired, in one
    /// findOneAndUpdate per status (equality on status, range on nextFollowUp: index status_1_nextFollowUp_1), new
    /// leads first so that a first contact never waits behind follow-ups. Null when nothing is due.</summary>
    public async Task<ClaimedLead?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var update = U.Set(l => l.FollowUp.LeaseOwner, owner).Set(l => l.FollowUp.LeaseUntil, at.Add(lease));
        foreach (var status in ClaimOrder)
        {
            var filter = F.Eq(l => l.Status, status)
                & F.Lte(l => l.NextFollowUp, at)
                & (F.Eq(l => l.FollowUp.LeaseUntil, null) | F.Lte(l => l.FollowUp.LeaseUntil, at));
            var before = await _leads.FindOneAndUpdateAsync(filter, update, new FindOneAndUpdateOptions<Lead>
            {
                Sort = Builders<Lead>.Sort.Ascending(l => l.Status).Ascending(l => l.NextFollowUp),
                ReturnDocument = ReturnDocument.Before,
            }, cancellationToken);
            if (before is null) continue;
            // A lead stored before followUp existed (or with it null) reads as a fresh progress.
            before.FollowUp ??= new FollowUpProgress();
            var previous = before.FollowUp.LeaseOwner;
            before.FollowUp.LeaseOwner = owner;
            before.FollowUp.LeaseUntil = at.Add(lease);
            return new ClaimedLead(before, previous);
        }
        return null;
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due leads at once, in three or four round trips however many are due: the ids of
    /// the most overdue due leads with a free or expired lease (new leads first, then the other statuses if the batch is
    /// not full; index status_1_nextFollowUp_1, limited to what is taken), then one
    /// updateMany that takes the lease of each of them that is still due and free (each document's update is atomic and
    /// re-checks the filter, so of two workers racing for a lead exactly one gets it), then the claimed documents,
    /// found by <paramref name="owner"/> — a token unique to this claim, so a claim never picks up leads another claim
    /// (of this or another worker) took. Most overdue first; empty when nothing is due.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedLead>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var free = F.Eq(l => l.FollowUp.LeaseUntil, null) | F.Lte(l => l.FollowUp.LeaseUntil, at);
        var candidates = new List<(ObjectId Id, string? Owner)>();
        // New leads first, so that a first contact never waits behind follow-ups; then every other status at once.
        foreach (var status in new[] { F.Eq(l => l.Status, LeadStatus.New), F.In(l => l.Status, LaterStatuses) })
        {
            if (candidates.Count >= max) break;
            var found = await _leads.Find(status & F.Lte(l => l.NextFollowUp, at) & free)
                .Sort(Builders<Lead>.Sort.Ascending(l => l.NextFollowUp))
                .Limit(max - candidates.Count)
                .Project(Builders<Lead>.Projection.Include("_id").Include("followUp.leaseOwner"))
                .ToListAsync(cancellationToken);
            candidates.AddRange(found.Select(d => (d["_id"].AsObjectId, d.GetValue("followUp", BsonNull.Value) is BsonDocument f && f.GetValue("leaseOwner", BsonNull.Value) is BsonString o ? o.Value : null)));
        }
        if (candidates.Count == 0) return [];

        var ids = candidates.Select(c => c.Id).ToList();
        var update = U.Set(l => l.FollowUp.LeaseOwner, owner).Set(l => l.FollowUp.LeaseUntil, at.Add(lease));
        var taken = await _leads.UpdateManyAsync(F.In(l => l.Id, ids) & F.Lte(l => l.NextFollowUp, at) & free, update, cancellationToken: cancellationToken);
        if (taken.ModifiedCount == 0) return [];
        var leads = (await _leads.Find(F.In(l => l.Id, ids) & F.Eq(l => l.FollowUp.LeaseOwner, owner)).ToListAsync(cancellationToken)).ToDictionary(l => l.Id);
        var claimed = new List<ClaimedLead>(leads.Count);
        foreach (var (id, previous) in candidates)
            if (leads.TryGetValue(id, out var lead)) claimed.Add(new ClaimedLead(lead, previous));
        return claimed;
    }

    /// <summary>Records that a step is about to be handed to a provider. False when the lease was lost. The marks of
    /// steps running side by side are written together (<see cref="GroupCommit{TRequest, TResult}"/>).</summary>
    public Task<bool> MarkSendingAsync(ObjectId leadId, string owner, StepInFlight sending, CancellationToken cancellationToken) =>
        _marks.SubmitAsync(new InFlightMark(leadId, owner, sending), cancellationToken);

    private sealed record InFlightMark(ObjectId LeadId, string Owner, StepInFlight Sending);

    /// <summary>One unordered bulk write for the group; each mark matches only under its own lease token. When not
    /// every one matched, the marks that hold are read back: this claim's token and this step's attempt id.</summary>
    private async Task WriteMarksAsync(IReadOnlyList<GroupCommit<InFlightMark, bool>.Pending> group)
    {
        if (group.Count == 1)
        {
            var mark = group[0].Request;
            var single = await _leads.UpdateOneAsync(Held(mark.LeadId, mark.Owner), U.Set(l => l.FollowUp.Sending, mark.Sending));
            group[0].Complete(single.MatchedCount == 1);
            return;
        }
        var models = group.Select(p => new UpdateOneModel<Lead>(Held(p.Request.LeadId, p.Request.Owner), U.Set(l => l.FollowUp.Sending, p.Request.Sending))).ToList();
        try
        {
            var result = await _leads.BulkWriteAsync(models, new BulkWriteOptions { IsOrdered = false });
            if (result.MatchedCount == group.Count)
            {
                foreach (var pending in group) pending.Complete(true);
                return;
            }
        }
        catch (MongoBulkWriteException<Lead>)
        {
            // Some marks were written and some not: the read below tells which.
        }
        var ids = group.Select(p => p.Request.LeadId).ToList();
        var stored = await _leads.Find(F.In(l => l.Id, ids))
            .Project(Builders<Lead>.Projection.Include("followUp.leaseOwner").Include("followUp.sending.attemptId")).ToListAsync();
        var marks = stored.ToDictionary(d => d["_id"].AsObjectId, d => d.GetValue("followUp", BsonNull.Value) as BsonDocument);
        foreach (var pending in group)
        {
            var followUp = marks.GetValueOrDefault(pending.Request.LeadId);
            var owner = followUp?.GetValue("leaseOwner", BsonNull.Value) is BsonString o ? o.Value : null;
            var attempt = followUp?.GetValue("sending", BsonNull.Value) is BsonDocument sending && sending.GetValue("attemptId", BsonNull.Value) is BsonObjectId a ? a.Value : (ObjectId?)null;
            pending.Complete(owner == pending.Request.Owner && attempt == pending.Request.Sending.AttemptId);
        }
    }

    /// <summary>Records a performed step: appends the attempt, marks the key done, moves the cursor to the next step
    /// and releases the lease, in one update that matches only while the step is still in flight under this lease and
    /// not yet done (so a step is recorded at most once).</summary>
    public async Task<bool> CompleteAsync(ObjectId leadId, string owner, ContactAttempt attempt, StepSchedule next, DateTimeOffset sequenceStart, bool markContacted, CancellationToken cancellationToken)
    {
        var filter = Held(leadId, owner) & F.Eq(l => l.FollowUp.Sending!.StepKey, attempt.StepKey) & F.Nin("followUp.done", [attempt.StepKey]);
        var update = U.Push(l => l.ContactAttempts, attempt)
            .AddToSet(l => l.FollowUp.Done, attempt.StepKey)
            .Set(l => l.LastContactedAt, attempt.Timestamp)
            .Set(l => l.FollowUp.SequenceStartedAt, sequenceStart.UtcDateTime)
            .Set(l => l.UpdatedAt, attempt.Timestamp)
            .Set(l => l.UpdatedBy, "worker");
        update = Schedule(update, next);
        // One round trip, in order: the record, then (only where the attempt is on record, the attempt id being new)
        // the status change of a first contact, and keeping a sequence paused by a reply that arrived while the step
        // was in flight.
        var recorded = F.Eq(l => l.Id, leadId) & F.Eq("contactAttempts.attemptId", attempt.AttemptId);
        var writes = new List<WriteModel<Lead>> { new UpdateOneModel<Lead>(filter, update) };
        if (markContacted)
            writes.Add(new UpdateOneModel<Lead>(recorded & F.Eq(l => l.Status, LeadStatus.New), U.Set(l => l.Status, LeadStatus.Contacted).Set(l => l.Stage, LeadStage.Contacted)));
        writes.Add(new UpdateOneModel<Lead>(recorded & F.AnyEq(l => l.Tags, NeedsHumanTag), U.Set(l => l.NextFollowUp, null)));
        var result = await _leads.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = true }, cancellationToken);
        return result.MatchedCount > 0;
    }

    /// <summary>Records an attempt that did not advance the sequence (a provider error, or a final block) and schedules
    /// what comes next. False when the lease was lost.</summary>
    public async Task<bool> RecordAttemptAsync(ObjectId leadId, string owner, ContactAttempt attempt, StepSchedule next, CancellationToken cancellationToken)
    {
        var update = Schedule(U.Push(l => l.ContactAttempts, attempt).Set(l => l.UpdatedAt, attempt.Timestamp).Set(l => l.UpdatedBy, "worker"), next);
        var result = await _leads.UpdateOneAsync(Held(leadId, owner), update, cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    /// <summary>Postpones or ends the sequence without an attempt (campaign paused, limits, gate holds, stop conditions).</summary>
    public async Task<bool> RescheduleAsync(ObjectId leadId, string owner, StepSchedule next, StepHold? hold, DateTimeOffset now, IReadOnlyList<string>? addTags, CancellationToken cancellationToken)
    {
        var update = Schedule(U.Set(l => l.UpdatedAt, now.UtcDateTime), next);
        if (hold is not null) update = update.Set(l => l.FollowUp.LastHold, hold);
        if (addTags is { Count: > 0 }) update = update.AddToSetEach(l => l.Tags, addTags);
        var result = await _leads.UpdateOneAsync(Held(leadId, owner), update, cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    private static FilterDefinition<Lead> Held(ObjectId leadId, string owner) => F.Eq(l => l.Id, leadId) & F.Eq(l => l.FollowUp.LeaseOwner, owner);

    private static UpdateDefinition<Lead> Schedule(UpdateDefinition<Lead> update, StepSchedule next)
    {
        update = update.Unset(l => l.FollowUp.Sending).Unset(l => l.FollowUp.LeaseOwner).Unset(l => l.FollowUp.LeaseUntil)
            .Set(l => l.NextFollowUp, next.DueAt?.UtcDateTime)
            .Set(l => l.FollowUp.StepKey, next.StepKey);
        if (next.EndReason is not null)
            update = update.Set(l => l.FollowUp.EndedReason, next.EndReason).Set(l => l.FollowUp.EndedAt, next.EndedAt?.UtcDateTime);
        if (next.Status is { } status) update = update.Set(l => l.Status, status);
        return update;
    }
}

/// <summary>What the lead's sequence does next: the step key and when it is due, or the end and why.</summary>
public sealed record StepSchedule(string? StepKey, DateTimeOffset? DueAt, string? EndReason = null, DateTimeOffset? EndedAt = null, LeadStatus? Status = null)
{
    public static StepSchedule Due(string stepKey, DateTimeOffset dueAt, LeadStatus? status = null) => new(stepKey, dueAt, Status: status);

    public static StepSchedule End(string? stepKey, string reason, DateTimeOffset at) => new(stepKey, null, reason, at);
}
