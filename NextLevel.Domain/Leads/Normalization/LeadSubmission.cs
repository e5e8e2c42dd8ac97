using NextLevel.Domain.Properties;

namespace NextLevel.Domain.Leads.Normalization;

/// <summary>
/// A lead as it arrives, already mapped from its source's format (Google Ads, Zillow, Real Geeks, staff form,
/// CSV row) onto one shape, but not yet normalised or validated. <see cref="LeadNormalizer"/> turns it into a
/// <see cref="NormalizedLead"/> or field errors. Field-error keys use these property names in camelCase.
/// </summary>
public sealed record LeadSubmission
{
    public required LeadSource Source { get; init; }

    /// <summary>The source's own lead id (Google lead_id, Real Geeks id...); the de-duplication key with the source.</summary>
    public required string ExternalId { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>Used when first/last names are absent (split at the last space).</summary>
    public string? FullName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? AlternatePhone { get; init; }

    public SubmittedAddress? Address { get; init; }

    public IntentType? Intent { get; init; }

    public string? Message { get; init; }

    public Level? Urgency { get; init; }

    public string? Timeframe { get; init; }

    public IReadOnlyList<string> Motivation { get; init; } = [];

    public PropertyType? PropertyType { get; init; }

    public PropertyCondition? Condition { get; init; }

    public decimal? EstimatedValue { get; init; }

    /// <summary>Equity as a fraction of value, 0..1.</summary>
    public double? EstimatedEquity { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Only an explicit consent with the exact text shown; a filled-in form alone is not consent.</summary>
    public SubmittedConsent? Consent { get; init; }
}

public sealed record SubmittedAddress(string? Street, string? City, string? State, string? ZipCode, string? Unit = null);

/// <summary>An explicit prior express written consent as the payload carried it.</summary>
public sealed record SubmittedConsent(
    string? Text,
    ConsentMethod Method,
    string? Source,
    bool AutomatedCallsAllowed,
    bool TextMessagesAllowed,
    DateTime? GivenAt,
    string? IpAddress,
    string? UserAgent);
