namespace NextLevel.Web.ApiClient.Closers;

/// <summary>A closer's working hours in their own time zone: days "mon".."sun", "HH:mm" local (end before start: overnight).</summary>
public sealed record CloserShift(IReadOnlyList<string> Days, string Start, string End);

/// <summary>One closer of a campaign's team as routing sees them now.</summary>
public sealed record RoutingCloser(
    string UserId, string? DisplayName, double Weight, int OpenLeadCap, int OpenLeads, string? TimeZone, CloserShift? Shift, bool OnShiftNow);

/// <summary>GET/PUT /api/campaigns/{id}/routing.</summary>
public sealed record CampaignRouting(string CampaignId, string Mode, int ClaimWindowSeconds, int MaxOffers, IReadOnlyList<RoutingCloser> Closers);

public sealed record RoutingRulesUpdate(string Mode, int ClaimWindowSeconds, int MaxOffers);

/// <summary>One row of GET /api/staff/closers.</summary>
public sealed record CloserSummary(
    string UserId, string? DisplayName, string? TimeZone, CloserShift? Shift, int OpenLeadCap, double Weight, bool OnShiftNow, int OpenLeads);

public sealed record CloserProfileUpdate(string TimeZone, CloserShift Shift, int OpenLeadCap, double Weight);

public sealed record RoutingHistoryEntry(DateTimeOffset At, string Action, string? UserId, string? UserName, string? Reason);

/// <summary>Who has the lead: state none, offered, claimed or pool, and every routing step with its reason.</summary>
public sealed record RoutingState(
    string State, string? OfferedTo, string? OfferedToName, DateTimeOffset? OfferedAt, DateTimeOffset? ClaimDeadline,
    string? ClaimedBy, string? ClaimedByName, DateTimeOffset? ClaimedAt, IReadOnlyList<RoutingHistoryEntry>? History);

public sealed record RoutingRequest(string Reason);

/// <summary>A lead in a campaign's shared pool (nobody claimed it in time).</summary>
public sealed record PoolLead(string LeadId, string? Name, string? CampaignId, string? CampaignName, double? Score, DateTimeOffset? PooledAt, string? Reason);

/// <summary>A lead offered to the signed-in closer, claimable until the deadline.</summary>
public sealed record OfferedLead(string LeadId, string? Name, string? CampaignName, double? Score, DateTimeOffset? OfferedAt, DateTimeOffset? ClaimDeadline, string? Reason);

public sealed record SpeedFigure(double? MedianSeconds, double? P90Seconds, int Count);

public sealed record CloserMetrics(
    string UserId, string? DisplayName, SpeedFigure? SpeedToClaim, SpeedFigure? SpeedToFirstHumanContact, int OpenTasks, int OverdueTasks);

public sealed record SourceSpeed(string Source, SpeedFigure? SpeedToClaim, SpeedFigure? SpeedToFirstHumanContact);

public sealed record OfferToDeal(int OffersSent, int Deals, double? ConversionRate);

/// <summary>GET /api/metrics/closers.</summary>
public sealed record ClosersMetricsReport(IReadOnlyList<CloserMetrics> Closers, IReadOnlyList<SourceSpeed>? Sources, OfferToDeal? OfferToDeal);
