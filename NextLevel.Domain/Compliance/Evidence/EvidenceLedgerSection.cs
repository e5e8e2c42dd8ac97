using MongoDB.Driver;
using NextLevel.Domain.Compliance.Ledger;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance.Evidence;

/// <summary>
/// The subject's consent_logs entries in chain order, and the <see cref="ConsentLedgerVerifier"/>'s answer for the
/// chain of each of the subject's phone numbers (hashes, links, sequence and daily anchors recomputed from the stored documents).
/// </summary>
public static class EvidenceLedgerSection
{
    public static async Task<EvidenceLedger> BuildAsync(IMongoDatabase database, TimeProvider time, IReadOnlyList<string> phones, IReadOnlyList<ConsentLog> logs, CancellationToken cancellationToken)
    {
        var entries = logs
            .OrderBy(l => l.ChainKey is null ? 1 : 0).ThenBy(l => l.ChainKey, StringComparer.Ordinal).ThenBy(l => l.Sequence).ThenBy(l => l.Timestamp).ThenBy(l => l.Id)
            .Select(l => new EvidenceLedgerEntry(l.Id.ToString(), StoredEnum.Name(l.EventType), l.Timestamp, l.ChainKey, l.Sequence, l.PreviousHash, l.Hash))
            .ToList();
        if (phones.Count == 0)
            return new EvidenceLedger(entries, new EvidenceLedgerVerification(false, false, 0, 0, 0, null, null, null, null, "No phone number: no chain to verify."));

        var verifier = new ConsentLedgerVerifier(database, time);
        var results = new List<LedgerVerification>();
        foreach (var phone in phones) results.Add(await verifier.VerifyPhoneAsync(phone, cancellationToken));
        var mismatch = results.Select(r => r.FirstMismatch).FirstOrDefault(m => m is not null);
        var valid = results.TrueForAll(r => r.Valid);
        var chains = results.Sum(r => r.ChainsChecked);
        var checkedEntries = results.Sum(r => r.EntriesChecked);
        var anchors = results.Max(r => r.AnchorsChecked);
        var outside = logs.Count(l => l.ChainKey is not null && !phones.Contains(l.ChainKey, StringComparer.Ordinal));
        var summary = valid
            ? $"Valid: {chains} chain(s), {checkedEntries} entries and {anchors} daily anchor(s) recomputed; no entry was changed, removed or reordered."
            : $"NOT VALID: entry {mismatch?.EntryId ?? "(missing)"} at sequence {mismatch?.Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} of chain {ConsentChainKey.Mask(mismatch?.ChainKey)} fails ({mismatch?.Reason}).";
        if (outside > 0) summary += $" {outside} entr{(outside == 1 ? "y is" : "ies are")} in e-mail or lead chains, verified by verify-ledger, not here.";
        return new EvidenceLedger(entries, new EvidenceLedgerVerification(true, valid, chains, checkedEntries, anchors,
            mismatch?.EntryId, mismatch?.ChainKey, mismatch?.Sequence, mismatch?.Reason, summary));
    }
}
