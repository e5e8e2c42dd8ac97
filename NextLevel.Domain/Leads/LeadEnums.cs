using System.Text.Json.Serialization;

namespace NextLevel.Domain.Leads;

/// <summary>Where a lead came from (leads.source).</summary>
public enum LeadSource
{
    GoogleAds = 1,
    Zillow = 2,
    [JsonStringEnumMemberName("realgeeks")] RealGeeks = 3,
    /// <summary>Entered by staff or imported from a file.</summary>
    Manual = 4,
}

/// <summary>Lifecycle status (leads.status).</summary>
public enum LeadStatus
{
    New = 1,
    Contacted = 2,
    Qualified = 3,
    Nurturing = 4,
    Converted = 5,
    Lost = 6,
    Dnc = 7,
}

/// <summary>Pipeline stage (leads.stage).</summary>
public enum LeadStage
{
    New = 1,
    Contacted = 2,
    Qualified = 3,
    SiteVisit = 4,
    OfferMade = 5,
    Negotiation = 6,
    Closed = 7,
    Lost = 8,
}

public enum IntentType
{
    Buyer = 1,
    Seller = 2,
    Investor = 3,
}

/// <summary>low / medium / high, used for urgency and wholesale potential.</summary>
public enum Level
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>How the business reached out (contactAttempts.type, campaign workflow methods).</summary>
public enum ContactMethod
{
    AutomatedCall = 1,
    ManualCall = 2,
    Sms = 3,
    Email = 4,
}

/// <summary>How consent was given (leads.consent.consentMethod, consent_logs.consentDetails.method).</summary>
public enum ConsentMethod
{
    WebForm = 1,
    Email = 2,
    Phone = 3,
    Written = 4,
}
