using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Closers.Tasks;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Closers;

/// <summary>
/// Turns a call's follow-up actions (the ElevenLabs analysis's callback_at and site_visit_at, stored as
/// calls.followUpActions) into tasks on the lead, once per call and type. A call-back's time is moved to the next
/// moment inside the callee's legal calling window. The owner is the closer who claimed the lead (routing.claimedBy),
/// else the task waits unowned for routing.
/// </summary>
public sealed class CallOutcomeTasks(IMongoDatabase database, ComplianceService compliance, TimeProvider clock, ILogger<CallOutcomeTasks> logger)
{
    public const string CreatedBy = "call_outcome";

    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);

    public async Task<int> CreateAsync(Call call, IReadOnlyList<FollowUpAction> actions, CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var action in actions)
        {
            var type = action.Type switch { "callback" => LeadTaskType.CallBack, "site_visit" => LeadTaskType.SiteVisit, _ => (LeadTaskType?)null };
            if (type is null || action.ScheduledFor == default) continue;
            if (await CreateAsync(call, type.Value, action.ScheduledFor, action.Notes, cancellationToken)) created++;
        }
        return created;
    }

    private async Task<bool> CreateAsync(Call call, LeadTaskType type, DateTime requested, string? notes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = new DateTimeOffset(DateTime.SpecifyKind(requested, DateTimeKind.Utc));
        if (due < now) due = now;
        if (type == LeadTaskType.CallBack)
        {
            var window = ComplianceGate.CallBackTime(await compliance.ReadFactsAsync(call.LeadId, due, cancellationToken), due);
            // With no allowed time in sight the task keeps the asked-for time; the gate refuses the call itself then.
            if (!window.Allowed && window.NextAllowed is { } next) due = next;
        }
        var owner = await OwnerAsync(call.LeadId, cancellationToken);
        var task = new LeadTask
        {
            Id = ObjectId.GenerateNewId(),
            Type = type,
            Title = type == LeadTaskType.CallBack ? "Call back (asked for on the call)" : "Arrange the site visit asked for on the call",
            OwnerId = owner,
            DueAt = due.UtcDateTime,
            Priority = LeadTaskPriority.High,
            Notes = notes,
            Source = LeadTaskSource.CallOutcome,
            CallId = call.Id,
            CreatedAt = now.UtcDateTime,
            CreatedBy = CreatedBy,
        };
        var lead = await _leads.Find(l => l.Id == call.LeadId).Project(l => l.PropertyId).FirstOrDefaultAsync(cancellationToken);
        task.PropertyId = lead;
        var result = await _leads.UpdateOneAsync(
            Builders<Lead>.Filter.Eq(l => l.Id, call.LeadId)
                & Builders<Lead>.Filter.Not(Builders<Lead>.Filter.ElemMatch(l => l.Tasks, t => t.CallId == call.Id && t.Type == type)),
            Builders<Lead>.Update.Push(l => l.Tasks, task).Set(l => l.UpdatedAt, now.UtcDateTime),
            cancellationToken: cancellationToken);
        if (result.ModifiedCount == 0) return false;
        ClosingLog.CallTaskCreated(logger, call.Id.ToString(), StoredEnum.Name(type), call.LeadId);
        return true;
    }

    private async Task<string?> OwnerAsync(ObjectId leadId, CancellationToken cancellationToken)
    {
        var row = await database.GetCollection<BsonDocument>(CollectionNames.Leads).Find(new BsonDocument("_id", leadId))
            .Project(new BsonDocument("routing.claimedBy", 1)).FirstOrDefaultAsync(cancellationToken);
        return row?.GetValue("routing", BsonNull.Value) is BsonDocument routing && routing.GetValue("claimedBy", BsonNull.Value) is { IsBsonNull: false } claimed
            ? claimed.ToString() : null;
    }
}
