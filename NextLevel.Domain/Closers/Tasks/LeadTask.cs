using MongoDB.Bson;

namespace NextLevel.Domain.Closers.Tasks;

/// <summary>
/// One piece of work on a lead (leads.tasks[]): a call-back, a site visit to arrange, an offer to send, a follow-up
/// or anything else, with its owner, due time, priority and status. Index tasks.ownerId_1_tasks.status_1_tasks.dueAt_1
/// serves "my open tasks by due time".
/// </summary>
public sealed class LeadTask
{
    public ObjectId Id { get; set; }

    public LeadTaskType Type { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The staff user (24-hex id) who owns the task; null while the lead has no owner.</summary>
    public string? OwnerId { get; set; }

    public DateTime DueAt { get; set; }

    public LeadTaskPriority Priority { get; set; } = LeadTaskPriority.Normal;

    public LeadTaskStatus Status { get; set; } = LeadTaskStatus.Open;

    public string? Notes { get; set; }

    public ObjectId? PropertyId { get; set; }

    public LeadTaskSource Source { get; set; } = LeadTaskSource.Manual;

    /// <summary>The call whose outcome created the task (source call_outcome).</summary>
    public ObjectId? CallId { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "system";

    public DateTime? CompletedAt { get; set; }

    /// <summary>When the Worker reminded the owner that the task is overdue (once per due time).</summary>
    public DateTime? RemindedAt { get; set; }
}

public enum LeadTaskType
{
    CallBack = 1,
    SiteVisit = 2,
    SendOffer = 3,
    FollowUp = 4,
    Other = 5,
}

public enum LeadTaskPriority
{
    Low = 1,
    Normal = 2,
    High = 3,
    Urgent = 4,
}

public enum LeadTaskStatus
{
    Open = 1,
    Done = 2,
    Cancelled = 3,
}

public enum LeadTaskSource
{
    Manual = 1,
    CallOutcome = 2,
    Routing = 3,
}
