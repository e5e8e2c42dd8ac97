using System.Text.Json.Serialization;

namespace NextLevel.Web.ApiClient.Closers;

/// <summary>The Domain's valuation for an offer: MAO = ARV × 70% − repairs − wholesale fee, and the margin.</summary>
public sealed record OfferValuation(double? AfterRepairValue, double? Repairs, double? WholesaleFee, double? MaximumAllowableOffer, double? Margin);

public sealed record OfferHistoryEntry(DateTimeOffset At, string Action, double? Amount, string? By, string? Note, string? UserId);

public sealed record Offer(
    string Id, string PropertyId, string LeadId, double Amount, string? Terms, DateTimeOffset? ExpiresAt, string Status,
    OfferValuation? Valuation, IReadOnlyList<OfferHistoryEntry>? History);

public sealed record NewOffer(string LeadId, double Amount, string? Terms, DateTimeOffset ExpiresAt, double WholesaleFee);

/// <summary>Who accepts or rejects the offer ("us" or "seller"), with an optional note.</summary>
public sealed record OfferResponse(string By, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null);

/// <summary>A counter-offer; by is "us" or "seller".</summary>
public sealed record CounterOffer(double Amount, string By, string? Note);

public sealed record Deal(
    string Id, string PropertyId, string OfferId, string LeadId, string? CampaignId, DateTimeOffset ContractDate, string ExitStrategy,
    double? AssignmentFee, string? EndBuyer, DateTimeOffset ExpectedClosingDate, DateTimeOffset? ActualClosingDate, double? Revenue, string Status);

public sealed record NewDeal(
    DateTimeOffset ContractDate, string ExitStrategy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AssignmentFee,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EndBuyer,
    DateTimeOffset ExpectedClosingDate);

public sealed record DealPatch(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ActualClosingDate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Revenue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status = null);

/// <summary>One lead card on the pipeline board.</summary>
public sealed record PipelineCard(
    string LeadId, string? Name, double? Score, string? CampaignName, string? ClaimedBy, string? PropertyAddress, DateTimeOffset? UpdatedAt);

public sealed record PipelineColumn(string Stage, IReadOnlyList<PipelineCard> Leads);

public sealed record PipelineBoard(IReadOnlyList<PipelineColumn> Stages);

public sealed record StageChange(string Stage);
