using System.Globalization;
using MongoDB.Bson;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Compliance;

/// <summary>The can-contact answer: the lead, channel and instant asked about, then the gate's decision.</summary>
public sealed record CanContactResponse(
    string LeadId,
    string Channel,
    DateTimeOffset At,
    bool Allowed,
    IReadOnlyList<ComplianceReason> Reasons,
    DateTimeOffset? NextAllowedAt,
    string? ConsentLogId,
    DateTimeOffset? DncCheckedAt,
    string? CalleeTimeZone,
    string? CalleeLocalTime,
    bool RecordingDisclosureRequired,
    DateTimeOffset EvaluatedAt,
    Domain.Compliance.Reassigned.ReassignedCheckFacts? ReassignedCheck = null);

/// <summary>Staff records a written consent: the exact text shown, how and where it was given, what it allows.</summary>
public sealed record ConsentGrantRequest(
    string? ConsentText,
    string? Method,
    string? Source,
    bool? AutomatedCallsAllowed,
    bool? TextMessagesAllowed,
    string? Phone,
    DateTimeOffset? GivenAt,
    string? IpAddress,
    string? UserAgent);

/// <summary>Staff records a revocation; channels default to every telephone channel.</summary>
public sealed record ConsentRevokeRequest(IReadOnlyList<string>? Channels, string? Reason);

/// <summary>Optional details of an internal DNC addition.</summary>
public sealed record DncAddRequest(string? Reason, string? LeadId);

public sealed record RevocationResponse(IReadOnlyList<string> LeadIds, IReadOnlyList<string> ConsentLogIds, bool AddedToInternalDnc, IReadOnlyList<string> Channels);

public sealed record DncEntryResponse(string Phone, string Source, string? State, string? Reason, DateTime AddedAt, DateTime? ExpiresAt, bool InForce, string AddedBy, string? LeadId)
{
    public static DncEntryResponse From(DncEntry e, DateTimeOffset now) =>
        new(e.Phone, Domain.Persistence.StoredEnum.Name(e.Source), e.State, e.Reason, e.AddedAt, e.ExpiresAt, e.InForceAt(now), e.AddedBy, e.LeadId?.ToString());
}

/// <summary>Parsing of the compliance endpoints' text inputs, each failure a field error.</summary>
internal static class ComplianceInput
{
    public static readonly IReadOnlyDictionary<string, ContactChannel> Channels = new Dictionary<string, ContactChannel>(StringComparer.OrdinalIgnoreCase)
    {
        ["call"] = ContactChannel.AutomatedCall,
        ["automated_call"] = ContactChannel.AutomatedCall,
        ["manual_call"] = ContactChannel.ManualCall,
        ["sms"] = ContactChannel.Sms,
        ["email"] = ContactChannel.Email,
    };

    public static readonly IReadOnlyDictionary<string, ConsentMethod> Methods = new Dictionary<string, ConsentMethod>(StringComparer.OrdinalIgnoreCase)
    {
        ["web_form"] = ConsentMethod.WebForm,
        ["email"] = ConsentMethod.Email,
        ["phone"] = ConsentMethod.Phone,
        ["written"] = ConsentMethod.Written,
    };

    public static bool TryObjectId(string? text, out ObjectId id) => ObjectId.TryParse(text, out id);

    public static bool TryInstant(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out at);

    public static string Name(ContactChannel channel) => Domain.Persistence.StoredEnum.Name(channel);
}
