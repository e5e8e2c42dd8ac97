namespace NextLevel.Web.ApiClient.Models;

/// <summary>The compliance gate's answer for one lead, channel and moment.</summary>
public sealed record CanContactAnswer(bool Allowed, IReadOnlyList<string>? Reasons, DateTimeOffset? NextAllowedAt);

public sealed record ConsentRevocation(string Channel, string? Reason);

public sealed record ConsentGrant(string Method, string Source, string Text, bool AutomatedCallsAllowed, bool TextMessagesAllowed);

public sealed record ConsentLogEntry(
    string Id, string? LeadId, string? Phone, string? EventType, DateTimeOffset Timestamp, string? Channel, string? Source,
    string? Method, string? Text, string? Actor, string? IpAddress);

public sealed record ConsentLogPage(IReadOnlyList<ConsentLogEntry> Items, string? NextCursor);

public sealed record DncEntry(string Id, string Phone, string? Source, string? Reason, DateTimeOffset AddedAt, string? AddedBy, DateTimeOffset? ExpiresAt);

public sealed record DncPage(IReadOnlyList<DncEntry> Items, string? NextCursor, long? Total);

public sealed record DncAddRequest(string Phone, string? Reason);

public sealed record DncImportStatus(DateTimeOffset? LastImportAt, long? Entries, string? State, double? AgeDays, string? Message);

public sealed record BlockedAttempt(
    string Id, string? LeadId, string? Channel, DateTimeOffset At, IReadOnlyList<string>? Reasons, string? CampaignId);

public sealed record BlockedAttemptPage(IReadOnlyList<BlockedAttempt> Items, string? NextCursor);
