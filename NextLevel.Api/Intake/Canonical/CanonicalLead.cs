using System.Text.Json;
using System.Text.Json.Serialization;

namespace NextLevel.Api.Intake.Canonical;

/// <summary>
/// The canonical lead (POST /api/leads, and each CSV row): our own contract, strict — an unknown field, a wrong
/// type or an object where a string belongs (operator injection such as {"$gt": ""}) is a 400.
/// Enum values are the stored spellings ("google_ads", "seller", "single_family", "web_form"...).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class CanonicalLead
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        MaxDepth = 8,
    };

    /// <summary>Default "manual".</summary>
    public string? Source { get; set; }

    /// <summary>Your id for the lead; repeating it is idempotent. Without it every post is a new lead.</summary>
    public string? ExternalId { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? AlternatePhone { get; set; }

    public CanonicalAddress? Address { get; set; }

    public CanonicalIntent? Intent { get; set; }

    public CanonicalProperty? Property { get; set; }

    public List<string>? Tags { get; set; }

    public CanonicalConsent? Consent { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class CanonicalAddress
{
    public string? Street { get; set; }

    public string? Unit { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? ZipCode { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class CanonicalIntent
{
    /// <summary>buyer, seller, investor.</summary>
    public string? Type { get; set; }

    public string? Message { get; set; }

    /// <summary>low, medium, high.</summary>
    public string? Urgency { get; set; }

    /// <summary>e.g. asap, 30_days, 90_days.</summary>
    public string? Timeframe { get; set; }

    public List<string>? Motivation { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class CanonicalProperty
{
    /// <summary>single_family, condo, townhouse, multi_family.</summary>
    public string? Type { get; set; }

    /// <summary>excellent, good, fair, needs_work, poor.</summary>
    public string? Condition { get; set; }

    public decimal? EstimatedValue { get; set; }

    /// <summary>Equity as a fraction of value, 0..1.</summary>
    public double? EstimatedEquity { get; set; }
}

/// <summary>An explicit prior express written consent: the exact text shown is required.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class CanonicalConsent
{
    public string? Text { get; set; }

    /// <summary>web_form, email, phone, written. Default web_form.</summary>
    public string? Method { get; set; }

    /// <summary>Where it was given, e.g. the landing page's URL.</summary>
    public string? Source { get; set; }

    public bool AutomatedCallsAllowed { get; set; }

    public bool TextMessagesAllowed { get; set; }

    /// <summary>When it was given (default: now); never in the future.</summary>
    public DateTime? GivenAt { get; set; }

    /// <summary>The person's address and browser when they consented (default: this request's).</summary>
    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }
}
