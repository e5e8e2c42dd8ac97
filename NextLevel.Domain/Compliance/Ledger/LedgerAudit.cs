using MongoDB.Bson;

namespace NextLevel.Domain.Compliance.Ledger;

/// <summary>
/// The pure core of <see cref="ConsentLedgerVerifier"/>: fed the entries chain by chain (or all at once), it reports
/// the first mismatch. Priority: an entry whose own content no longer gives its hash (it names exactly the changed
/// entry) comes before a broken structure (gaps, duplicates, links), which comes before an anchor mismatch; within
/// each kind the first by chain key, sequence and id. Not thread-safe.
/// </summary>
public sealed class LedgerAudit
{
    private readonly string? _onlyChain;
    private readonly Dictionary<string, List<(DateOnly Day, string AnchorId, ConsentChainHead Head)>> _anchored = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenChains = new(StringComparer.Ordinal);
    private MismatchAt? _firstSelf, _firstStructure, _firstAnchor;
    private long _entries;
    private int _chains;
    private readonly int _anchorsChecked;

    /// <param name="anchors">Every stored anchor.</param>
    /// <param name="onlyChain">Verify this chain only (other entries given are checked on their own, not as chains).</param>
    public LedgerAudit(IReadOnlyList<LedgerAnchor> anchors, string? onlyChain = null)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        _onlyChain = onlyChain;
        _anchorsChecked = anchors.Count;
        CheckAnchorRoots(anchors);
        foreach (var anchor in anchors)
        foreach (var head in anchor.Changed)
        {
            if (onlyChain is not null && head.ChainKey != onlyChain) continue;
            if (!_anchored.TryGetValue(head.ChainKey, out var list)) _anchored[head.ChainKey] = list = [];
            list.Add((anchor.Day, anchor.Id, head));
        }
    }

    /// <summary>Every entry of the ledger (or of the chain), in any order.</summary>
    public static LedgerVerification Verify(IEnumerable<BsonDocument> entries, IReadOnlyList<LedgerAnchor> anchors, string? onlyChain = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var audit = new LedgerAudit(anchors, onlyChain);
        var chained = new Dictionary<string, List<BsonDocument>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.GetValue("chainKey", BsonNull.Value) is BsonString key)
            {
                if (!chained.TryGetValue(key.Value, out var list)) chained[key.Value] = list = [];
                list.Add(entry);
            }
            else audit.AddUnchained(entry);
        }
        foreach (var (key, list) in chained) audit.AddChain(key, list);
        return audit.Result();
    }

    /// <summary>An entry without a chain key: it is not part of any chain, which is a mismatch in itself.</summary>
    public void AddUnchained(BsonDocument entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries++;
        var key = ConsentChainKey.For(entry) ?? "";
        var id = IdOf(entry);
        _firstSelf = MismatchAt.Min(_firstSelf, new MismatchAt(key, SequenceOf(entry) ?? -1, id,
            new LedgerMismatch(IdText(entry), key, SequenceOf(entry), LedgerMismatchReasons.NotSealed)));
    }

    /// <summary>All the entries carrying one chain key.</summary>
    public void AddChain(string chainKey, IReadOnlyList<BsonDocument> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries += entries.Count;
        var ordered = entries.OrderBy(e => SequenceOf(e) ?? -1).ThenBy(IdOf).ToList();
        foreach (var entry in ordered)
        {
            var reason = SelfCheck(chainKey, entry);
            if (reason is null) continue;
            var id = IdOf(entry);
            _firstSelf = MismatchAt.Min(_firstSelf, new MismatchAt(chainKey, SequenceOf(entry) ?? -1, id, new LedgerMismatch(IdText(entry), chainKey, SequenceOf(entry), reason)));
            break;
        }
        if (_onlyChain is not null && chainKey != _onlyChain) return;
        _chains++;
        _seenChains.Add(chainKey);
        _anchored.TryGetValue(chainKey, out var anchored);
        _firstStructure = MismatchAt.Min(_firstStructure, CheckStructure(chainKey, ordered, anchored));
        if (anchored is not null) _firstAnchor = MismatchAt.Min(_firstAnchor, CheckAnchored(chainKey, ordered, anchored));
    }

    public LedgerVerification Result()
    {
        foreach (var (chainKey, anchored) in _anchored)
        {
            if (_seenChains.Contains(chainKey)) continue;
            var (_, anchorId, head) = anchored.OrderBy(a => a.Head.Sequence).First();
            _firstAnchor = MismatchAt.Min(_firstAnchor, new MismatchAt(chainKey, head.Sequence, ObjectId.Empty,
                new LedgerMismatch(null, chainKey, head.Sequence, LedgerMismatchReasons.AnchoredEntryMissing, anchorId)));
        }
        var first = _firstSelf ?? _firstStructure ?? _firstAnchor;
        return new LedgerVerification(first is null, _chains, _entries, first?.Mismatch, _anchorsChecked);
    }

    private static string? SelfCheck(string chainKey, BsonDocument entry)
    {
        if (entry.GetValue(LedgerCanonicalForm.HashField, BsonNull.Value) is not BsonString hash
            || SequenceOf(entry) is null
            || entry.GetValue("previousHash", BsonNull.Value) is not BsonString)
            return LedgerMismatchReasons.NotSealed;
        if (!string.Equals(LedgerCanonicalForm.Hash(entry), hash.Value, StringComparison.Ordinal)) return LedgerMismatchReasons.HashMismatch;
        return ConsentChainKey.For(entry) == chainKey ? null : LedgerMismatchReasons.ChainKeyMismatch;
    }

    /// <summary>
    /// Walks the chain by sequence: 0, 1, 2… each linking to the previous hash. Of two entries claiming one sequence,
    /// the genuine one is the one the next entry links to, else the one an anchor recorded, else the one linking to the
    /// previous entry; the other is reported.
    /// </summary>
    private static MismatchAt? CheckStructure(string chainKey, List<BsonDocument> ordered, List<(DateOnly Day, string AnchorId, ConsentChainHead Head)>? anchored)
    {
        var bySequence = ordered.Where(e => SequenceOf(e) is not null).GroupBy(e => SequenceOf(e)!.Value).OrderBy(g => g.Key).ToList();
        var previous = LedgerCanonicalForm.GenesisHash;
        long expected = 0;
        for (var i = 0; i < bySequence.Count; i++)
        {
            var group = bySequence[i];
            if (group.Key != expected) return At(chainKey, group.First(), LedgerMismatchReasons.SequenceGap);
            var candidates = group.ToList();
            var genuine = candidates[0];
            if (candidates.Count > 1)
            {
                var next = i + 1 < bySequence.Count && bySequence[i + 1].Key == expected + 1 ? bySequence[i + 1].ToList() : [];
                var sequence = group.Key;
                genuine = candidates.FirstOrDefault(c => next.Any(n => PreviousHashOf(n) == HashOf(c)))
                    ?? candidates.FirstOrDefault(c => anchored?.Any(a => a.Head.Sequence == sequence && a.Head.Hash == HashOf(c)) == true)
                    ?? candidates.FirstOrDefault(c => PreviousHashOf(c) == previous)
                    ?? candidates[0];
                return At(chainKey, candidates.First(c => !ReferenceEquals(c, genuine)), LedgerMismatchReasons.SequenceDuplicate);
            }
            if (PreviousHashOf(genuine) != previous) return At(chainKey, genuine, LedgerMismatchReasons.BrokenLink);
            previous = HashOf(genuine) ?? "";
            expected++;
        }
        return null;
    }

    private static MismatchAt? CheckAnchored(string chainKey, List<BsonDocument> ordered, List<(DateOnly Day, string AnchorId, ConsentChainHead Head)> anchored)
    {
        foreach (var (_, anchorId, head) in anchored.OrderBy(a => a.Head.Sequence))
        {
            var atSequence = ordered.Where(e => SequenceOf(e) == head.Sequence).ToList();
            if (atSequence.Count == 0)
                return new MismatchAt(chainKey, head.Sequence, ObjectId.Empty, new LedgerMismatch(null, chainKey, head.Sequence, LedgerMismatchReasons.AnchoredEntryMissing, anchorId));
            if (!atSequence.Any(e => HashOf(e) == head.Hash))
            {
                var id = IdOf(atSequence[0]);
                return new MismatchAt(chainKey, head.Sequence, id, new LedgerMismatch(IdText(atSequence[0]), chainKey, head.Sequence, LedgerMismatchReasons.AnchorMismatch, anchorId));
            }
        }
        return null;
    }

    /// <summary>Replays the anchors in day order: each root must be the root of the heads known so far, and link to the previous root.</summary>
    private void CheckAnchorRoots(IReadOnlyList<LedgerAnchor> anchors)
    {
        var heads = new Dictionary<string, ConsentChainHead>(StringComparer.Ordinal);
        var previousRoot = LedgerCanonicalForm.GenesisHash;
        foreach (var anchor in anchors.OrderBy(a => a.Day))
        {
            foreach (var head in anchor.Changed) heads[head.ChainKey] = head;
            if (anchor.PreviousRootHash != previousRoot || anchor.ChainCount != heads.Count || LedgerAnchor.Root(heads.Values) != anchor.RootHash)
            {
                _firstAnchor ??= new MismatchAt("", -1, ObjectId.Empty, new LedgerMismatch(null, null, null, LedgerMismatchReasons.AnchorRootMismatch, anchor.Id));
                return;
            }
            previousRoot = anchor.RootHash;
        }
    }

    private static MismatchAt At(string chainKey, BsonDocument entry, string reason)
    {
        var id = IdOf(entry);
        return new MismatchAt(chainKey, SequenceOf(entry) ?? -1, id, new LedgerMismatch(IdText(entry), chainKey, SequenceOf(entry), reason));
    }

    private static ObjectId IdOf(BsonDocument entry) => entry.GetValue("_id", BsonNull.Value) is BsonObjectId id ? id.Value : ObjectId.Empty;

    private static string? IdText(BsonDocument entry) => entry.TryGetValue("_id", out var id) ? id.ToString() : null;

    private static long? SequenceOf(BsonDocument entry) => entry.GetValue("sequence", BsonNull.Value) switch
    {
        BsonInt64 l => l.Value,
        BsonInt32 i => i.Value,
        _ => null,
    };

    private static string? HashOf(BsonDocument entry) => entry.GetValue(LedgerCanonicalForm.HashField, BsonNull.Value) is BsonString s ? s.Value : null;

    private static string? PreviousHashOf(BsonDocument entry) => entry.GetValue("previousHash", BsonNull.Value) is BsonString s ? s.Value : null;
}
