using MongoDB.Bson;

namespace NextLevel.Domain.Closers.Appointments;

/// <summary>
/// A site visit (leads.appointments[]): a closer at the property's address with the seller. The closer's interval is
/// also held in <c>staff_users.closer.bookedVisits</c> (<see cref="BookedVisit"/>), where the conflict check is atomic.
/// </summary>
public sealed class Appointment
{
    public ObjectId Id { get; set; }

    /// <summary>The closer's staff user id (24-hex).</summary>
    public string CloserId { get; set; } = "";

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>The property's formatted address (or the lead's, when it has no property).</summary>
    public string? Address { get; set; }

    public AppointmentStatus Status { get; set; } = AppointmentStatus.Scheduled;

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "system";
}

public enum AppointmentStatus
{
    Scheduled = 1,
    Completed = 2,
    Cancelled = 3,
    NoShow = 4,
}

/// <summary>One interval on a closer's calendar (staff_users.closer.bookedVisits[]).</summary>
public sealed record BookedVisit(ObjectId AppointmentId, DateTime StartsAt, DateTime EndsAt);
