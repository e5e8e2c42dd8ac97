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

public sealed record LeadNote(DateTimeOffset At, string? Author, string Text);

/// <summary>One row of the leads grid.</summary>
public sealed record LeadSummary(
    string Id, string? Source, DateTimeOffset ReceivedAt, LeadContact? Contact, string? PropertyAddress,
    string? Status, string? Stage, Qualification? Qualification, string? CampaignId, string? CampaignName,
    IReadOnlyList<string>? Tags, DateTimeOffset? LastContactedAt, DateTimeOffset? NextFollowUp);

public sealed record LeadPage(IReadOnlyList<LeadSummary> Items, string? NextCursor, long? Total);

public sealed record Lead(
    string Id, string? Source, string? ExternalId, DateTimeOffset ReceivedAt, LeadContact? Contact, string? PropertyId,
    string? PropertyAddress, Qualification? Qualification, string? CampaignId, string? CampaignName,
    IReadOnlyList<ContactAttempt>? ContactAttempts, DateTimeOffset? LastContactedAt, DateTimeOffset? NextFollowUp,
    LeadConsent? Consent, DncStatus? DncStatus, string? Status, string? Stage, IReadOnlyList<string>? Tags,
    IReadOnlyList<LeadNote>? Notes, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt);

/// <summary>One thing that happened to a lead (the Domain's LeadTimeline): kind is received, contact_attempt, call, transcript, consent_event or note.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Summary, string? ReferenceId);

public sealed record LeadDetail(Lead Lead, IReadOnlyList<TimelineEntry> Timeline);

public sealed record LeadStatusChange(string? Status, string? Stage, DateTimeOffset? NextFollowUp, string? Reason);

public sealed record LeadNoteRequest(string Text);

public sealed record LeadTagsRequest(IReadOnlyList<string> Tags);
