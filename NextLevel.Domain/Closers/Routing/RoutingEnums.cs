namespace NextLevel.Domain.Closers.Routing;

/// <summary>How a campaign picks the next closer (<c>campaigns.routing.mode</c>).</summary>
public enum RoutingMode
{
    RoundRobin = 1,
    Weighted = 2,
}

/// <summary>Where a lead is between people (<c>leads.routing.state</c>).</summary>
public enum LeadRoutingState
{
    None = 1,
    Offered = 2,
    Claimed = 3,
    Pool = 4,
}

/// <summary>One step of <c>leads.routing.history</c>.</summary>
public enum RoutingAction
{
    Requested = 1,
    Offered = 2,
    Expired = 3,
    Claimed = 4,
    Released = 5,
    Pooled = 6,
    ManagerAlerted = 7,
    Reassigned = 8,
    FirstHumanContact = 9,
}
