namespace NextLevel.Web.ApiClient.Models;

public sealed record LeadContact(string? FirstName, string? LastName, string? Email, string? Phone, string? AlternatePhone, Address? Address)
{
    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

public sealed record Address(string? Street, string? City, string? State, string? ZipCode)
{
    public override string ToString() => string.Join(", ", new[] { Street, City, $"{State} {ZipCode}".Trim() }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

public sealed record QualificationCriteria(bool? HasMinEquity, bool? WithinBudget, bool? RightPropertyType, bool? IsMotivated);

public sealed record Qualification(
    double? Score, bool? Qualified, DateTimeOffset? QualifiedAt, QualificationCriteria? Criteria,
    double? EstimatedValue, double? EstimatedEquity, string? WholesalePotential);

public sealed record ContactAttempt(
    string? AttemptId, DateTimeOffset Timestamp, string? Type, string? CallId, string? Outcome, int? Duration, double? Sentiment, string? Notes);

public sealed record LeadConsent(
    bool? HasWrittenConsent, string? ConsentMethod, DateTimeOffset? ConsentDate, string? ConsentSource, string? ConsentText,
    DateTimeOffset? ExpiresAt, bool? AutomatedCallsAllowed, bool? TextMessagesAllowed);

public sealed record DncStatus(bool? OnNationalRegistry, bool? InternalDnc, DateTimeOffset? LastCheckedAt, string? Notes);

public sealed record LeadNote(DateTimeOffset At, string? AuthorName, string Text);

/// <summary>One row of the leads grid (the Api's LeadSummary).</summary>
public sealed record LeadSummary(
    string Id, string? Source, string? ExternalId, DateTimeOffset ReceivedAt, string? FirstName, string? LastName, string? Email, string? Phone,
    string? City, string? State, string? Status, string? Stage, double? Score, bool Qualified, string? CampaignId, string? CampaignName,
    IReadOnlyList<string>? Tags, DateTimeOffset? NextFollowUp, DateTimeOffset? LastContactedAt)
{
    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

public sealed record LeadPage(IReadOnlyList<LeadSummary> Items, string? NextCursor, long? Total);

public sealed record Lead(
    string Id, string? Source, string? ExternalId, DateTimeOffset ReceivedAt, LeadContact? Contact, string? PropertyId,
    string? PropertyAddress, Qualification? Qualification, string? CampaignId, string? CampaignName,
    IReadOnlyList<ContactAttempt>? ContactAttempts, DateTimeOffset? LastContactedAt, DateTimeOffset? NextFollowUp,
    LeadConsent? Consent, DncStatus? DncStatus, string? Status, string? Stage, IReadOnlyList<string>? Tags,
    IReadOnlyList<LeadNote>? Notes, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt);

/// <summary>One thing that happened to a lead (the Domain's LeadTimeline): kind is received, contact_attempt, call, transcript, consent_event or note.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Summary, string? ReferenceId);

/// <summary>The property at a glance, as lead detail carries it.</summary>
public sealed record PropertySummary(string Id, string? Address, string? Type, int? Bedrooms, double? Bathrooms, int? SquareFeet,
    string? Condition, double? AfterRepairValue, double? WholesalePrice, double? ProfitMargin);

public sealed record LeadDetail(Lead Lead, PropertySummary? Property, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>A status and/or stage change; a missing field keeps its value.</summary>
public sealed record LeadStatusChange(string? Status, string? Stage);

public sealed record LeadNoteRequest(string Text);

public sealed record LeadTagsRequest(IReadOnlyList<string> Tags);
