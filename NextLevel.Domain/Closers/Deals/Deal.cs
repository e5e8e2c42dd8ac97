using MongoDB.Bson;

namespace NextLevel.Domain.Closers.Deals;

/// <summary>
/// The deal on a property (properties.deal), made from its accepted offer: contract, exit (assignment of the
/// contract for a fee, or buying and reselling), the end buyer, the closing dates and the revenue booked at closing.
/// </summary>
public sealed class Deal
{
    public ObjectId Id { get; set; }

    public ObjectId OfferId { get; set; }

    public ObjectId LeadId { get; set; }

    public ObjectId? CampaignId { get; set; }

    public DateTime ContractDate { get; set; }

    public ExitStrategy ExitStrategy { get; set; }

    public decimal? AssignmentFee { get; set; }

    public string? EndBuyer { get; set; }

    public DateTime ExpectedClosingDate { get; set; }

    public DateTime? ActualClosingDate { get; set; }

    public decimal? Revenue { get; set; }

    public DealStatus Status { get; set; } = DealStatus.UnderContract;

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "system";

    public DateTime? UpdatedAt { get; set; }
}

public enum ExitStrategy
{
    Assignment = 1,
    Resale = 2,
}

public enum DealStatus
{
    UnderContract = 1,
    Closed = 2,
    Cancelled = 3,
}
