namespace NextLevel.Domain.Closers.Tasks;

/// <summary>
/// How a task's status may move: an open task is done or cancelled; a done or cancelled task may be reopened.
/// A task is overdue when it is open and its due time has passed.
/// </summary>
public static class TaskRules
{
    public const int MaxTitleLength = 200;
    public const int MaxNotesLength = 4000;

    public static bool CanMove(LeadTaskStatus from, LeadTaskStatus to) => from == to || from == LeadTaskStatus.Open || to == LeadTaskStatus.Open;

    public static bool IsOverdue(LeadTask task, DateTimeOffset now) => task.Status == LeadTaskStatus.Open && task.DueAt < now.UtcDateTime;

    /// <summary>An overdue open task whose owner has not been reminded since it fell due.</summary>
    public static bool NeedsReminder(LeadTask task, DateTimeOffset now) =>
        IsOverdue(task, now) && task.OwnerId is not null && (task.RemindedAt is not { } reminded || reminded < task.DueAt);
}
