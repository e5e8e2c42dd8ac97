using NextLevel.Domain.Properties;

namespace NextLevel.Domain.Leads.Normalization;

/// <summary>A submission after <see cref="LeadNormalizer"/>: E.164 phones, lower-case e-mail, tidy address.</summary>
public sealed record NormalizedLead
{
    public required LeadSource Source { get; init; }

    public required string ExternalId { get; init; }

    public required LeadContact Contact { get; init; }

    /// <summary>"123 Main St, Seattle, WA 98101" when street, city and state are known; the property's key.</summary>
    public string? FormattedAddress { get; init; }

    public LeadIntent? Intent { get; init; }

    public PropertyType? PropertyType { get; init; }

    public PropertyCondition? Condition { get; init; }

    public decimal? EstimatedValue { get; init; }

    public double? EstimatedEquity { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public SubmittedConsent? Consent { get; init; }
}

/// <summary>Either a normalised lead or the field errors that stop it (field → messages).</summary>
public sealed record NormalizationResult(NormalizedLead? Lead, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Lead is not null;
}
