using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using NextLevel.Domain.Leads;

namespace NextLevel.Domain.Compliance;

public enum ConsentEventType
{
    ConsentGranted = 1,
    ConsentRevoked = 2,
    DncAdded = 3,
    DncRemoved = 4,

    /// <summary>A query of the FCC Reassigned Numbers Database for the number (see <see cref="Reassigned.ReassignedCheck"/>).</summary>
    ReassignedNumberCheck = 5,
}

/// <summary>
/// One consent event (collection <c>consent_logs</c>): an append-only audit trail. The code has an insert path
/// for it and no update or delete path (see <see cref="ConsentLedger"/>).
/// </summary>
public sealed class ConsentLog
{
    public ObjectId Id { get; set; }

    public ObjectId? LeadId { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public ConsentEventType EventType { get; set; }

    public ConsentDetails? ConsentDetails { get; set; }

    /// <summary>
    /// The channels a revocation covers (or a grant names). Null on a revocation means every telephone channel
    /// (automated calls, manual calls, texts); e-mail is covered only when listed.
    /// </summary>
    public List<ContactChannel>? Channels { get; set; }

    /// <summary>Where the event came from: "staff", "sms_reply", "call_transcript", "intake" (free-form, for the audit).</summary>
    public string? Origin { get; set; }

    /// <summary>What the person said or wrote when the event came from their own words (an SMS body, a transcript line).</summary>
    public string? Evidence { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public string? Referrer { get; set; }

    public DateTime Timestamp { get; set; }

    public string RecordedBy { get; set; } = "system";

    public bool Verified { get; set; }

    public DateTime? VerifiedAt { get; set; }

    public string? VerificationMethod { get; set; }

    /// <summary>On a <see cref="ConsentEventType.ReassignedNumberCheck"/> event: the query and its answer.</summary>
    [BsonIgnoreIfNull]
    public Reassigned.ReassignedCheck? ReassignedCheck { get; set; }

    /// <summary>The ledger chain (one per phone): the E.164 phone, else <c>email:&lt;address&gt;</c> (see Ledger/ConsentChainKey).</summary>
    [BsonIgnoreIfNull]
    public string? ChainKey { get; set; }

    /// <summary>0, 1, 2… within the chain, assigned by <see cref="ConsentLedger"/> on append.</summary>
    [BsonIgnoreIfNull]
    public long? Sequence { get; set; }

    /// <summary>Hex SHA-256 of the previous entry of the chain (64 zeros for the first).</summary>
    [BsonIgnoreIfNull]
    public string? PreviousHash { get; set; }

    /// <summary>Hex SHA-256 of this entry's canonical form (every stored field but this one; Ledger/LedgerCanonicalForm).</summary>
    [BsonIgnoreIfNull]
    public string? Hash { get; set; }

    /// <summary>True on entries written before the ledger existed and sealed into their chain by the catalogue migration.</summary>
    [BsonIgnoreIfNull]
    public bool? SealedAtMigration { get; set; }
}

public sealed class ConsentDetails
{
    public ConsentMethod Method { get; set; }

    public string? Source { get; set; }

    public string? ConsentText { get; set; }

    public bool AutomatedCallsAllowed { get; set; }

    public bool TextMessagesAllowed { get; set; }

    public DateTime? ExpiresAt { get; set; }
}
