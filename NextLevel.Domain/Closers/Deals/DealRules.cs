using NextLevel.Domain.Closers.Offers;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Closers.Deals;

/// <summary>
/// A deal is made only from an accepted offer, once per property. It is under contract until closed or cancelled
/// (both final). Closing needs the actual closing date and the revenue (for an assignment, the assignment fee when
/// no revenue is given).
/// </summary>
public static class DealRules
{
    public static string? CanCreate(Offer offer, Deal? existing)
    {
        if (offer.Status != OfferStatus.Accepted) return $"Only an accepted offer becomes a deal; this one is {StoredEnum.Name(offer.Status)}.";
        if (existing is not null && existing.Status != DealStatus.Cancelled) return "The property already has a deal.";
        return null;
    }

    public static bool CanMove(DealStatus from, DealStatus to) => from == to || from == DealStatus.UnderContract;

    /// <summary>Field → reasons for a change; empty when allowed.</summary>
    public static Dictionary<string, string[]> CheckChange(Deal deal, DealStatus? status, DateTime? actualClosingDate, decimal? revenue)
    {
        var errors = new Dictionary<string, string[]>();
        var target = status ?? deal.Status;
        if (!CanMove(deal.Status, target))
            errors["status"] = [$"A deal that is {StoredEnum.Name(deal.Status)} cannot become {StoredEnum.Name(target)}."];
        if (revenue is < 0) errors["revenue"] = ["Revenue cannot be negative."];
        var closing = actualClosingDate ?? deal.ActualClosingDate;
        if (closing is { } c && c < deal.ContractDate) errors["actualClosingDate"] = ["The closing date cannot be before the contract date."];
        if (target == DealStatus.Closed && errors.Count == 0)
        {
            if (closing is null) errors["actualClosingDate"] = ["Closing a deal needs the actual closing date."];
            if (RevenueAtClose(deal, revenue) is null) errors["revenue"] = ["Closing a deal needs its revenue (or, for an assignment, the assignment fee)."];
        }
        return errors;
    }

    /// <summary>The revenue booked at closing: the given revenue, the stored one, or an assignment's fee.</summary>
    public static decimal? RevenueAtClose(Deal deal, decimal? revenue) =>
        revenue ?? deal.Revenue ?? (deal.ExitStrategy == ExitStrategy.Assignment ? deal.AssignmentFee : null);
}
