using MongoDB.Bson;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Reporting;

namespace NextLevel.Api.Closers;

public sealed record ShiftDto(IReadOnlyList<string> Days, string Start, string End)
{
    public static ShiftDto From(CloserShift shift) => new(shift.Days, shift.Start, shift.End);
}

public sealed record CampaignCloserDto(ObjectId UserId, string DisplayName, int Weight, int OpenLeadCap, int OpenLeads, string TimeZone, ShiftDto Shift, bool OnShiftNow);

public sealed record CampaignRoutingDto(ObjectId CampaignId, RoutingMode Mode, int ClaimWindowSeconds, int MaxOffers, long RotationCursor, IReadOnlyList<CampaignCloserDto> Closers);

public sealed record CampaignRoutingRequest(RoutingMode? Mode, int? ClaimWindowSeconds, int? MaxOffers);

public sealed record CloserDto(ObjectId UserId, string DisplayName, string TimeZone, ShiftDto Shift, int OpenLeadCap, int Weight, bool OnShiftNow, int OpenLeads, bool HasProfile);

public sealed record ShiftRequest(List<string>? Days, string? Start, string? End);

public sealed record CloserProfileRequest(string? TimeZone, ShiftRequest? Shift, int? OpenLeadCap, int? Weight);

public sealed record RoutingRequestBody(string? Reason);

public sealed record RoutingHistoryDto(DateTime At, RoutingAction Action, ObjectId? UserId, string? UserName, string Reason);

public sealed record RoutingStateDto(
    LeadRoutingState State, ObjectId? OfferedTo, string? OfferedToName, DateTime? OfferedAt, DateTime? ClaimDeadline,
    ObjectId? ClaimedBy, string? ClaimedByName, DateTime? ClaimedAt, DateTime? RequestedAt, DateTime? PooledAt,
    DateTime? FirstHumanContactAt, int Offers, IReadOnlyList<RoutingHistoryDto> History)
{
    public static RoutingStateDto From(LeadRouting? routing, IReadOnlyDictionary<ObjectId, string> names)
    {
        routing ??= new LeadRouting();
        string? Name(ObjectId? id) => id is { } v && names.TryGetValue(v, out var n) ? n : null;
        return new RoutingStateDto(routing.State, routing.OfferedTo, Name(routing.OfferedTo), routing.OfferedAt, routing.ClaimDeadline,
            routing.ClaimedBy, Name(routing.ClaimedBy), routing.ClaimedAt, routing.RequestedAt, routing.PooledAt, routing.FirstHumanContactAt,
            routing.Offers, [.. routing.History.Select(h => new RoutingHistoryDto(h.At, h.Action, h.UserId, Name(h.UserId), h.Reason))]);
    }

    public static IEnumerable<ObjectId> UserIds(LeadRouting? routing) => routing is null ? [] :
        routing.History.Where(h => h.UserId is not null).Select(h => h.UserId!.Value)
            .Concat(new[] { routing.OfferedTo, routing.ClaimedBy }.Where(id => id is not null).Select(id => id!.Value)).Distinct();
}

public sealed record PoolItemDto(ObjectId LeadId, string Name, ObjectId? CampaignId, string? CampaignName, double? Score, DateTime? PooledAt, string? Reason);

public sealed record MyOfferDto(ObjectId LeadId, string Name, string? CampaignName, double? Score, DateTime? OfferedAt, DateTime? ClaimDeadline, string? Reason);

public sealed record SpeedDto(double? MedianSeconds, double? P90Seconds, int Count)
{
    public static SpeedDto From(SpeedStatistics s) => new(s.MedianSeconds, s.P90Seconds, s.Count);
}

public sealed record CloserMetricsRow(ObjectId UserId, string DisplayName, SpeedDto SpeedToClaim, SpeedDto SpeedToFirstHumanContact, int OpenTasks, int OverdueTasks);

public sealed record SourceMetricsRow(LeadSource Source, SpeedDto SpeedToClaim, SpeedDto SpeedToFirstHumanContact);

public sealed record CloserMetricsDto(DateTime From, DateTime To, IReadOnlyList<CloserMetricsRow> Closers, IReadOnlyList<SourceMetricsRow> Sources, OfferToDeal OfferToDeal);

/// <summary>The reason stored with a lead's latest routing step of a kind (names come from ClosingContracts' LeadNames).</summary>
internal static class RoutingReasons
{
    public static string? LastReason(LeadRouting? routing, RoutingAction action) =>
        routing?.History.LastOrDefault(h => h.Action == action)?.Reason;
}
