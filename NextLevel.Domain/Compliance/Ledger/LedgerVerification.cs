using MongoDB.Bson;

namespace NextLevel.Domain.Compliance.Ledger;

/// <summary>Why verification stopped at an entry. The codes are stable.</summary>
public static class LedgerMismatchReasons
{
    /// <summary>The entry's stored fields no longer give its stored hash (a field, the hash, the sequence or the link was changed).</summary>
    public const string HashMismatch = "hash_mismatch";

    /// <summary>The entry lacks its chain fields (written around the ledger, or they were removed).</summary>
    public const string NotSealed = "not_sealed";

    /// <summary>The entry's chain key is not the one its phone / e-mail / lead gives (it was moved to another chain).</summary>
    public const string ChainKeyMismatch = "chain_key_mismatch";

    /// <summary>A sequence number is missing before this entry (an entry was deleted or the chain renumbered).</summary>
    public const string SequenceGap = "sequence_gap";

    /// <summary>Two entries claim the same place in the chain; this one is not the one the chain continues from.</summary>
    public const string SequenceDuplicate = "sequence_duplicate";

    /// <summary>The entry's previousHash is not the hash of the entry before it.</summary>
    public const string BrokenLink = "broken_link";

    /// <summary>An anchor recorded another hash for this entry (the chain was rewritten after the anchor).</summary>
    public const string AnchorMismatch = "anchor_mismatch";

    /// <summary>An anchor recorded an entry at this sequence that no longer exists (a truncated tail or a deleted chain).</summary>
    public const string AnchoredEntryMissing = "anchored_entry_missing";

    /// <summary>An anchor's root hash (or its link to the previous anchor) does not match the chain heads it records.</summary>
    public const string AnchorRootMismatch = "anchor_root_mismatch";
}

/// <summary>The first entry that does not match: its id (null when it no longer exists), chain, sequence and why.</summary>
public sealed record LedgerMismatch(string? EntryId, string? ChainKey, long? Sequence, string Reason, string? AnchorId = null);

/// <summary>The result of verifying every chain or one chain.</summary>
public sealed record LedgerVerification(bool Valid, int ChainsChecked, long EntriesChecked, LedgerMismatch? FirstMismatch, int AnchorsChecked);

/// <summary>Orders mismatches: by chain key, then sequence, then entry id.</summary>
internal sealed record MismatchAt(string ChainKey, long Sequence, ObjectId EntryId, LedgerMismatch Mismatch) : IComparable<MismatchAt>
{
    public int CompareTo(MismatchAt? other)
    {
        if (other is null) return -1;
        var byChain = string.CompareOrdinal(ChainKey, other.ChainKey);
        if (byChain != 0) return byChain;
        var bySequence = Sequence.CompareTo(other.Sequence);
        return bySequence != 0 ? bySequence : EntryId.CompareTo(other.EntryId);
    }

    public static MismatchAt? Min(MismatchAt? a, MismatchAt? b) => a is null ? b : b is null ? a : a.CompareTo(b) <= 0 ? a : b;
}
