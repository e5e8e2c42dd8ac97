using MongoDB.Bson;
using NextLevel.Domain.Closers.Routing;

namespace NextLevel.Domain.Leads;

/// <summary>A lead (collection <c>leads</c>): one inquiry from one source, with its qualification, consent and contact history.</summary>
public sealed class Lead
{
    public ObjectId Id { get; set; }

    public LeadSource Source { get; set; }

    /// <summary>The source's own id; unique per source (index source_1_externalId_1).</summary>
    public string ExternalId { get; set; } = "";

    public DateTime ReceivedAt { get; set; }

    public LeadContact Contact { get; set; } = new();

    /// <summary>The person behind this lead across sources (collection contacts).</summary>
    public ObjectId? ContactId { get; set; }

    public ObjectId? PropertyId { get; set; }

    public string? PropertyAddress { get; set; }

    public LeadIntent? Intent { get; set; }

    public LeadQualification? Qualification { get; set; }

    public ObjectId? CampaignId { get; set; }

    public string? CampaignName { get; set; }

    public DateTime? AssignedAt { get; set; }

    public List<ContactAttempt> ContactAttempts { get; set; } = [];

    public DateTime? LastContactedAt { get; set; }

    /// <summary>Computed: the earliest <c>contactAttempts[].timestamp</c>, kept with <c>$min</c> wherever an attempt is
    /// appended (and backfilled at start-up by Leads/Computed/FirstContactBackfill), so speed to lead and the contact
    /// rate read one date instead of the attempts. Absent (never null) while the lead has no attempt.</summary>
    [MongoDB.Bson.Serialization.Attributes.BsonIgnoreIfNull]
    public DateTime? FirstContactAt { get; set; }

    public DateTime? NextFollowUp { get; set; }

    /// <summary>The Worker's position in the campaign's sequence and its lease on the lead (a document, never null, so the
    /// lease fields can be set in place; leads stored before it existed gain it on their first claim).</summary>
    public FollowUpProgress FollowUp { get; set; } = new();

    public LeadConsent Consent { get; set; } = new();

    public DncStatus DncStatus { get; set; } = new();

    public LeadStatus Status { get; set; } = LeadStatus.New;

    public LeadStage Stage { get; set; } = LeadStage.New;

    public LeadEnrichment? Enrichment { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>Staff notes, oldest first (ours; see docs/data-model.md).</summary>
    public List<LeadNote> Notes { get; set; } = [];

    /// <summary>Where the lead is between people: offered, claimed (the owner) or pooled, with the reasons (issue 10).</summary>
    public LeadRouting? Routing { get; set; }

    /// <summary>Closers' tasks on this lead (issue 10; docs/closers.md).</summary>
    public List<Closers.Tasks.LeadTask> Tasks { get; set; } = [];

    /// <summary>Site visits booked for this lead (issue 10; docs/closers.md).</summary>
    public List<Closers.Appointments.Appointment> Appointments { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string CreatedBy { get; set; } = "system";

    public string UpdatedBy { get; set; } = "system";
}

public sealed class LeadContact
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    /// <summary>Lower-case, trimmed.</summary>
    public string? Email { get; set; }

    /// <summary>E.164, e.g. +15551234567.</summary>
    public string? Phone { get; set; }

    public string? AlternatePhone { get; set; }

    public PostalAddress? Address { get; set; }
}

public sealed class PostalAddress
{
    public string? Street { get; set; }

    public string? City { get; set; }

    /// <summary>Two-letter USPS code.</summary>
    public string? State { get; set; }

    public string? ZipCode { get; set; }
}

public sealed class LeadIntent
{
    public IntentType Type { get; set; }

    public string? Message { get; set; }

    public Level? Urgency { get; set; }

    /// <summary>Free-form as the sources send it, e.g. "30_days", "asap".</summary>
    public string? Timeframe { get; set; }

    public List<string> Motivation { get; set; } = [];
}

public sealed class LeadQualification
{
    /// <summary>0..1.</summary>
    public double Score { get; set; }

    public bool Qualified { get; set; }

    public DateTime? QualifiedAt { get; set; }

    public QualificationCriteria Criteria { get; set; } = new();

    public decimal? EstimatedValue { get; set; }

    /// <summary>Equity as a fraction of value, 0..1.</summary>
    public double? EstimatedEquity { get; set; }

    public Level? WholesalePotential { get; set; }
}

public sealed class QualificationCriteria
{
    public bool HasMinEquity { get; set; }

    public bool WithinBudget { get; set; }

    public bool RightPropertyType { get; set; }

    public bool IsMotivated { get; set; }
}

/// <summary>One outreach to the lead (leads.contactAttempts[]).</summary>
public sealed class ContactAttempt
{
    public ObjectId AttemptId { get; set; }

    public DateTime Timestamp { get; set; }

    public ContactMethod Type { get; set; }

    public ObjectId? CallId { get; set; }

    /// <summary>answered, no_answer, voicemail, busy, failed, sent, delivered, blocked...</summary>
    public string Outcome { get; set; } = "";

    public int? Duration { get; set; }

    public double? Sentiment { get; set; }

    public string? Notes { get; set; }

    /// <summary>The workflow step this attempt performed (e.g. initial:1, followup:0); its idempotency key.</summary>
    public string? StepKey { get; set; }

    public string? Template { get; set; }

    /// <summary>The compliance decision that allowed (or blocked) this attempt, taken at the moment of sending.</summary>
    public AttemptCompliance? Compliance { get; set; }
}

/// <summary>TCPA consent as captured with the lead (leads.consent).</summary>
public sealed class LeadConsent
{
    public bool HasWrittenConsent { get; set; }

    public ConsentMethod? ConsentMethod { get; set; }

    public DateTime? ConsentDate { get; set; }

    public string? ConsentSource { get; set; }

    /// <summary>The exact text shown to the person.</summary>
    public string? ConsentText { get; set; }

    /// <summary>Company policy: one year after consentDate.</summary>
    public DateTime? ExpiresAt { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public bool AutomatedCallsAllowed { get; set; }

    public bool TextMessagesAllowed { get; set; }
}

/// <summary>Result of the last Do-Not-Call check (leads.dncStatus).</summary>
public sealed class DncStatus
{
    public bool OnNationalRegistry { get; set; }

    public bool InternalDNC { get; set; }

    public DateTime? LastCheckedAt { get; set; }

    public string? CheckedBy { get; set; }

    public string? Notes { get; set; }
}

public sealed class LeadEnrichment
{
    public int? CreditScore { get; set; }

    public decimal? EstimatedIncome { get; set; }

    public bool? HomeOwnership { get; set; }

    public int? PropertyCount { get; set; }
}
