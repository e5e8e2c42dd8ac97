using MongoDB.Bson;

namespace NextLevel.Domain.Closers.Routing;

/// <summary>Where the lead is between people (<c>leads.routing</c>); <see cref="ClaimedBy"/> is the lead's owner.
/// Every step is in <see cref="History"/> with its reason, so a manager can see why.</summary>
public sealed class LeadRouting
{
    public LeadRoutingState State { get; set; } = LeadRoutingState.None;

    public ObjectId? OfferedTo { get; set; }

    public DateTime? OfferedAt { get; set; }

    public DateTime? ClaimDeadline { get; set; }

    public ObjectId? ClaimedBy { get; set; }

    public DateTime? ClaimedAt { get; set; }

    /// <summary>When the current routing round was asked for (speed to claim is measured from here).</summary>
    public DateTime? RequestedAt { get; set; }

    public DateTime? PooledAt { get; set; }

    public DateTime? FirstHumanContactAt { get; set; }

    /// <summary>Offers made in the current round.</summary>
    public int Offers { get; set; }

    /// <summary>Closers offered the lead in the current round (never offered twice before the pool).</summary>
    public List<ObjectId> OfferedUserIds { get; set; } = [];

    /// <summary>True while the campaign managers still have to be told about the pooled lead (the Worker does it once).</summary>
    public bool ManagerAlertPending { get; set; }

    public List<RoutingHistoryEntry> History { get; set; } = [];
}

public sealed class RoutingHistoryEntry
{
    public DateTime At { get; set; }

    public RoutingAction Action { get; set; }

    public ObjectId? UserId { get; set; }

    public string Reason { get; set; } = "";
}
