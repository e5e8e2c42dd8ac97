namespace NextLevel.Web.ApiClient.Models;

public sealed record ComplianceReason(string Code, string Message);

/// <summary>The compliance gate's answer for one lead, channel and moment.</summary>
public sealed record CanContactAnswer(
    string? LeadId, string? Channel, DateTimeOffset At, bool Allowed, IReadOnlyList<ComplianceReason>? Reasons, DateTimeOffset? NextAllowedAt,
    string? ConsentLogId, DateTimeOffset? DncCheckedAt, string? CalleeTimeZone, string? CalleeLocalTime, bool RecordingDisclosureRequired);

/// <summary>Channels null: every telephone channel.</summary>
public sealed record ConsentRevocation(IReadOnlyList<string>? Channels, string? Reason);

public sealed record ConsentLogEntry(
    string Id, string? LeadId, string? Phone, string? EventType, DateTimeOffset Timestamp, IReadOnlyList<string>? Channels, string? Source,
    string? Method, string? ConsentText, string? Actor, string? Origin);

public sealed record ConsentLogPage(IReadOnlyList<ConsentLogEntry> Items, string? NextCursor);

public sealed record DncEntry(
    string Phone, string? Source, string? State, string? Reason, DateTimeOffset AddedAt, DateTimeOffset? ExpiresAt, bool InForce, string? AddedBy, string? LeadId);

public sealed record DncPage(IReadOnlyList<DncEntry> Items, string? NextCursor);

public sealed record DncAddRequest(string? Reason, string? LeadId);

/// <summary>One registry list (national, or a state's) and how old its last import is; stale past 31 days.</summary>
public sealed record DncImportStatus(string Source, string? State, DateTimeOffset? LastImportedAt, long Entries, double? AgeDays, bool Stale);

/// <summary>A contact attempt the compliance gate refused, with its reasons.</summary>
public sealed record BlockedAttempt(string LeadId, string? Channel, DateTimeOffset At, IReadOnlyList<string> Reasons, string? CampaignId);

public sealed record BlockedAttemptPage(IReadOnlyList<BlockedAttempt> Items, string? NextCursor);
