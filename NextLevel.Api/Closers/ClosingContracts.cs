using MongoDB.Bson;
using NextLevel.Domain.Closers.Appointments;
using NextLevel.Domain.Closers.Deals;
using NextLevel.Domain.Closers.Offers;
using NextLevel.Domain.Closers.Tasks;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Closers;

/// <summary>A task as the Api shows it (docs/closers.md, "Tasks").</summary>
public sealed record TaskView(
    ObjectId Id, ObjectId LeadId, string LeadName, ObjectId? PropertyId, LeadTaskType Type, string Title, string? OwnerId, string? OwnerName,
    DateTime DueAt, LeadTaskPriority Priority, LeadTaskStatus Status, bool Overdue, string? Notes, LeadTaskSource Source, ObjectId? CallId,
    DateTime CreatedAt, DateTime? CompletedAt, DateTime? RemindedAt);

public sealed record NewTaskRequest(LeadTaskType? Type, string? Title, DateTimeOffset? DueAt, LeadTaskPriority? Priority, string? OwnerId, string? Notes);

public sealed record TaskChangeRequest(LeadTaskStatus? Status, DateTimeOffset? DueAt, string? OwnerId, LeadTaskPriority? Priority, string? Notes);

/// <summary>A site visit as the Api shows it.</summary>
public sealed record AppointmentView(
    ObjectId Id, ObjectId LeadId, string LeadName, ObjectId? PropertyId, string CloserId, string? CloserName, DateTime StartsAt, DateTime EndsAt,
    int DurationMinutes, string? Address, string SellerName, AppointmentStatus Status, string? Notes, DateTime CreatedAt);

public sealed record NewAppointmentRequest(DateTimeOffset? StartsAt, int? DurationMinutes, string? CloserId, string? Notes);

public sealed record AppointmentChangeRequest(AppointmentStatus? Status, string? Notes);

public sealed record CalendarFeedLink(string Url);

public sealed record OfferValuationView(decimal AfterRepairValue, decimal Repairs, decimal WholesaleFee, decimal MaximumAllowableOffer, decimal Margin)
{
    public static OfferValuationView From(OfferValuation v) => new(v.AfterRepairValue, v.Repairs, v.WholesaleFee, v.MaximumAllowableOffer, v.Margin);
}

public sealed record OfferView(
    ObjectId Id, ObjectId PropertyId, ObjectId LeadId, ObjectId? CampaignId, decimal Amount, string? Terms, DateTime ExpiresAt, OfferStatus Status,
    OfferValuationView Valuation, IReadOnlyList<OfferEvent> History, DateTime CreatedAt, string CreatedBy)
{
    public static OfferView From(ObjectId propertyId, Offer o) =>
        new(o.Id, propertyId, o.LeadId, o.CampaignId, o.Amount, o.Terms, o.ExpiresAt, o.Status, OfferValuationView.From(o.Valuation), o.History, o.CreatedAt, o.CreatedBy);
}

public sealed record NewOfferRequest(string? LeadId, decimal? Amount, string? Terms, DateTimeOffset? ExpiresAt, decimal? WholesaleFee);

public sealed record CounterRequest(decimal? Amount, OfferParty? By, string? Note);

public sealed record OfferResponseRequest(OfferParty? By, string? Note);

public sealed record DealView(
    ObjectId Id, ObjectId PropertyId, ObjectId OfferId, ObjectId LeadId, ObjectId? CampaignId, DateTime ContractDate, ExitStrategy ExitStrategy,
    decimal? AssignmentFee, string? EndBuyer, DateTime ExpectedClosingDate, DateTime? ActualClosingDate, decimal? Revenue, DealStatus Status, string? PropertyAddress)
{
    public static DealView From(ObjectId propertyId, string? address, Deal d) =>
        new(d.Id, propertyId, d.OfferId, d.LeadId, d.CampaignId, d.ContractDate, d.ExitStrategy, d.AssignmentFee, d.EndBuyer, d.ExpectedClosingDate,
            d.ActualClosingDate, d.Revenue, d.Status, address);
}

public sealed record NewDealRequest(DateTimeOffset? ContractDate, ExitStrategy? ExitStrategy, decimal? AssignmentFee, string? EndBuyer, DateTimeOffset? ExpectedClosingDate);

public sealed record DealChangeRequest(DateTimeOffset? ActualClosingDate, decimal? Revenue, DealStatus? Status);

public sealed record PipelineLead(ObjectId LeadId, string Name, double? Score, string? CampaignName, string? ClaimedBy, string? PropertyAddress, DateTime UpdatedAt);

public sealed record PipelineStage(LeadStage Stage, IReadOnlyList<PipelineLead> Leads);

public sealed record PipelineBoard(IReadOnlyList<PipelineStage> Stages);

public sealed record MyDay(string TimeZone, DateOnly Date, IReadOnlyList<TaskView> Tasks, IReadOnlyList<AppointmentView> Visits);

internal static class LeadNames
{
    public static string Of(Lead lead) => Of(lead.Contact.FirstName, lead.Contact.LastName);

    public static string Of(string? first, string? last)
    {
        var name = $"{first} {last}".Trim();
        return name.Length == 0 ? "(no name)" : name;
    }
}
