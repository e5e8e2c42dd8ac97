using MongoDB.Bson;

namespace NextLevel.Domain.Compliance.Ledger;

/// <summary>The last entry of a chain: its sequence and hash (what the next entry links to).</summary>
public sealed record ConsentChainHead(string ChainKey, long Sequence, string Hash);

/// <summary>Puts an entry at the end of its chain: chain key, sequence, previous hash, then its own hash.</summary>
public static class ConsentChainLink
{
    /// <summary>Links a typed entry after <paramref name="tail"/> (null = first of its chain) and sets its hash.</summary>
    public static ConsentChainHead Link(ConsentLog entry, ConsentChainHead? tail)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.ChainKey = ConsentChainKey.For(entry);
        if (tail is not null && tail.ChainKey != entry.ChainKey) throw new ArgumentException("The tail is of another chain.", nameof(tail));
        entry.Sequence = tail is null ? 0 : tail.Sequence + 1;
        entry.PreviousHash = tail?.Hash ?? LedgerCanonicalForm.GenesisHash;
        entry.Hash = null;
        entry.Hash = LedgerCanonicalForm.Hash(entry.ToBsonDocument());
        return new ConsentChainHead(entry.ChainKey, entry.Sequence.Value, entry.Hash);
    }

    /// <summary>Links a stored document (the migration's sealing) after <paramref name="tail"/>; returns the sealed copy.</summary>
    public static BsonDocument Link(BsonDocument stored, string chainKey, ConsentChainHead? tail, bool sealedAtMigration)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var sealedCopy = stored.DeepClone().AsBsonDocument;
        sealedCopy.Remove(LedgerCanonicalForm.HashField);
        sealedCopy["chainKey"] = chainKey;
        sealedCopy["sequence"] = new BsonInt64(tail is null ? 0 : tail.Sequence + 1);
        sealedCopy["previousHash"] = tail?.Hash ?? LedgerCanonicalForm.GenesisHash;
        if (sealedAtMigration) sealedCopy["sealedAtMigration"] = true;
        sealedCopy[LedgerCanonicalForm.HashField] = LedgerCanonicalForm.Hash(sealedCopy);
        return sealedCopy;
    }
}
