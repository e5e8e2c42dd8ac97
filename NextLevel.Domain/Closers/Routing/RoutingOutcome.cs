namespace NextLevel.Domain.Closers.Routing;

public enum RoutingOutcomeKind
{
    Done = 1,
    NotFound = 2,
    Conflict = 3,
    Forbidden = 4,
}

/// <summary>The result of a claim, release or request: the lead's routing afterwards, or why nothing changed.</summary>
public sealed record RoutingOutcome(RoutingOutcomeKind Kind, LeadRouting? Routing, string? Detail)
{
    public static RoutingOutcome Done(LeadRouting routing) => new(RoutingOutcomeKind.Done, routing, null);

    public static RoutingOutcome NotFound() => new(RoutingOutcomeKind.NotFound, null, null);

    public static RoutingOutcome Conflict(string detail) => new(RoutingOutcomeKind.Conflict, null, detail);

    public static RoutingOutcome Forbidden(string detail) => new(RoutingOutcomeKind.Forbidden, null, detail);
}
