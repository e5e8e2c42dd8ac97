namespace NextLevel.Domain.Closers.Appointments;

/// <summary>
/// Site-visit rules: a visit lasts 15 minutes to 8 hours; a scheduled visit is completed, cancelled or marked a
/// no-show, and those are final. Two visits of one closer conflict when their intervals overlap (touching is fine).
/// </summary>
public static class AppointmentRules
{
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 480;

    public static bool CanMove(AppointmentStatus from, AppointmentStatus to) => from == to || from == AppointmentStatus.Scheduled;

    /// <summary>Whether the visit keeps its slot on the closer's calendar.</summary>
    public static bool HoldsSlot(AppointmentStatus status) => status is AppointmentStatus.Scheduled or AppointmentStatus.Completed;

    public static bool Overlap(DateTime startA, DateTime endA, DateTime startB, DateTime endB) => startA < endB && startB < endA;
}
