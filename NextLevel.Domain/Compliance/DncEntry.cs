using MongoDB.Bson;

namespace NextLevel.Domain.Compliance;

public enum DncSource
{
    National = 1,
    Internal = 2,
    State = 3,
    Litigator = 4,
}

/// <summary>
/// A Do-Not-Call entry (collection <c>dnc_registry</c>): one phone number on one list. A number may be on several
/// lists (unique on phone + source). Internal entries are kept at least five years (47 CFR 64.1200(d)(6)).
/// </summary>
public sealed class DncEntry
{
    public ObjectId Id { get; set; }

    /// <summary>E.164.</summary>
    public string Phone { get; set; } = "";

    public DncSource Source { get; set; }

    /// <summary>For state lists: the two-letter state.</summary>
    public string? State { get; set; }

    public string? Reason { get; set; }

    public DateTime AddedAt { get; set; }

    /// <summary>When the entry stops applying; null = never (internal requests do not expire).</summary>
    public DateTime? ExpiresAt { get; set; }

    public string AddedBy { get; set; } = "system";

    public ObjectId? LeadId { get; set; }

    /// <summary>Registry imports: when the number was last present in an imported copy of its list.</summary>
    public DateTime? LastImportedAt { get; set; }

    /// <summary>Whether the entry applies at <paramref name="at"/>.</summary>
    public bool InForceAt(DateTimeOffset at) => ExpiresAt is null || ExpiresAt.Value > at.UtcDateTime;
}
