using MongoDB.Bson;

namespace NextLevel.Domain.Closers.Offers;

/// <summary>
/// An offer on a property (properties.offers[]): amount, terms and expiry, the valuation it was made from, its status
/// (<see cref="OfferStateMachine"/>) and the negotiation history, oldest first.
/// </summary>
public sealed class Offer
{
    public ObjectId Id { get; set; }

    public ObjectId LeadId { get; set; }

    /// <summary>The lead's campaign when the offer was made (campaign metrics count offers by it).</summary>
    public ObjectId? CampaignId { get; set; }

    /// <summary>The current amount: the first offer, then the latest counter.</summary>
    public decimal Amount { get; set; }

    public string? Terms { get; set; }

    public DateTime ExpiresAt { get; set; }

    public OfferStatus Status { get; set; } = OfferStatus.Draft;

    public OfferValuation Valuation { get; set; } = new();

    public List<OfferEvent> History { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "system";

    public DateTime? UpdatedAt { get; set; }
}

/// <summary>The numbers an offer was made from (<see cref="Valuation.WholesaleValuation.ForOffer"/>).</summary>
public sealed class OfferValuation
{
    public decimal AfterRepairValue { get; set; }

    public decimal Repairs { get; set; }

    public decimal WholesaleFee { get; set; }

    public decimal MaximumAllowableOffer { get; set; }

    /// <summary>ARV minus repairs minus the maximum allowable offer: the end buyer's room plus our fee.</summary>
    public decimal Margin { get; set; }
}

/// <summary>One step of the negotiation.</summary>
public sealed class OfferEvent
{
    public DateTime At { get; set; }

    public OfferAction Action { get; set; }

    public decimal? Amount { get; set; }

    public OfferParty By { get; set; } = OfferParty.Us;

    public string? Note { get; set; }

    /// <summary>The staff user who recorded the step, or "system" (expiry).</summary>
    public string UserId { get; set; } = "system";
}

public enum OfferStatus
{
    Draft = 1,
    Sent = 2,
    Countered = 3,
    Accepted = 4,
    Rejected = 5,
    Expired = 6,
}

public enum OfferAction
{
    Created = 1,
    Sent = 2,
    Countered = 3,
    Accepted = 4,
    Rejected = 5,
    Expired = 6,
}

/// <summary>Who made a move in the negotiation.</summary>
public enum OfferParty
{
    Us = 1,
    Seller = 2,
}
