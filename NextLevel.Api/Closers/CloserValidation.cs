using NextLevel.Domain.Closers.Routing;

namespace NextLevel.Api.Closers;

/// <summary>Field-level checks of routing rules and closer profiles.</summary>
internal static class CloserValidation
{
    public const int MaxOpenLeadCap = 1000;

    public static Dictionary<string, string[]> Rules(CampaignRoutingRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Mode is null) errors["mode"] = ["Must be round_robin or weighted."];
        if (body.ClaimWindowSeconds is not { } window || window < CampaignRouting.MinClaimWindowSeconds || window > CampaignRouting.MaxClaimWindowSeconds)
            errors["claimWindowSeconds"] = [$"Must be {CampaignRouting.MinClaimWindowSeconds} to {CampaignRouting.MaxClaimWindowSeconds} seconds."];
        if (body.MaxOffers is not { } offers || offers < 1 || offers > CampaignRouting.MaxMaxOffers)
            errors["maxOffers"] = [$"Must be 1 to {CampaignRouting.MaxMaxOffers}."];
        return errors;
    }

    public static Dictionary<string, string[]> Profile(CloserProfileRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ShiftClock.TryFindZone(body.TimeZone, out _) || body.TimeZone!.Contains('$', StringComparison.Ordinal))
            errors["timeZone"] = ["Must be an IANA time zone, e.g. America/Chicago."];
        if (body.Shift is not { } shift)
        {
            errors["shift"] = ["Give the shift: days, start and end (HH:mm, local time)."];
        }
        else
        {
            if (shift.Days is not { Count: > 0 } days || days.Any(d => d is null || !ShiftClock.DayNames.Contains(d)) || days.Distinct().Count() != days.Count)
                errors["shift.days"] = ["Give distinct days among mon, tue, wed, thu, fri, sat, sun."];
            if (!ShiftClock.TryParseTime(shift.Start, out _)) errors["shift.start"] = ["Must be a local time HH:mm."];
            if (!ShiftClock.TryParseTime(shift.End, out _)) errors["shift.end"] = ["Must be a local time HH:mm (before start for an overnight shift)."];
        }
        if (body.OpenLeadCap is not { } cap || cap < 1 || cap > MaxOpenLeadCap) errors["openLeadCap"] = [$"Must be 1 to {MaxOpenLeadCap}."];
        if (body.Weight is not { } weight || weight < 1 || weight > RoutingDecider.MaxWeight) errors["weight"] = [$"Must be 1 to {RoutingDecider.MaxWeight}."];
        return errors;
    }
}
