using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Closers.Offers;

/// <summary>
/// The offer's statuses: draft → sent; sent or countered → countered (either side names a new amount), accepted,
/// rejected, or expired (the Worker, once expiresAt has passed). Accepted, rejected and expired are final.
/// </summary>
public static class OfferStateMachine
{
    private static readonly Dictionary<OfferAction, (OfferStatus[] From, OfferStatus To)> Moves = new()
    {
        [OfferAction.Sent] = ([OfferStatus.Draft], OfferStatus.Sent),
        [OfferAction.Countered] = ([OfferStatus.Sent, OfferStatus.Countered], OfferStatus.Countered),
        [OfferAction.Accepted] = ([OfferStatus.Sent, OfferStatus.Countered], OfferStatus.Accepted),
        [OfferAction.Rejected] = ([OfferStatus.Sent, OfferStatus.Countered], OfferStatus.Rejected),
        [OfferAction.Expired] = ([OfferStatus.Sent, OfferStatus.Countered], OfferStatus.Expired),
    };

    /// <summary>The statuses an action may start from (the filter of the atomic update).</summary>
    public static IReadOnlyList<OfferStatus> From(OfferAction action) => Moves.TryGetValue(action, out var move) ? move.From : [];

    public static bool IsFinal(OfferStatus status) => status is OfferStatus.Accepted or OfferStatus.Rejected or OfferStatus.Expired;

    /// <summary>The status after <paramref name="action"/>, or null with the reason when it is not allowed.</summary>
    public static OfferStatus? Apply(OfferStatus current, OfferAction action, out string? reason)
    {
        reason = null;
        if (!Moves.TryGetValue(action, out var move))
        {
            reason = $"{StoredEnum.Name(action)} is not a move staff can make on an offer.";
            return null;
        }
        if (move.From.Contains(current)) return move.To;
        reason = $"An offer that is {StoredEnum.Name(current)} cannot be {StoredEnum.Name(action)}; allowed from {string.Join(" or ", move.From.Select(s => StoredEnum.Name(s)))}.";
        return null;
    }

    /// <summary>Who accepts or rejects by default: the other side of the last amount put on the table.</summary>
    public static OfferParty Responder(Offer offer)
    {
        var last = offer.History.LastOrDefault(h => h.Action is OfferAction.Sent or OfferAction.Countered);
        return last?.By == OfferParty.Seller ? OfferParty.Us : OfferParty.Seller;
    }
}
