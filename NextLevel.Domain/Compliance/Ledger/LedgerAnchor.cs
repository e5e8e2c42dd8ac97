using System.Security.Cryptography;
using System.Text;

namespace NextLevel.Domain.Compliance.Ledger;

/// <summary>
/// A daily anchor: when it was taken, the heads of the chains that changed since the previous anchor, how many chains
/// there were, the root hash over every chain head at that moment and the previous anchor's root (anchors form a chain
/// of their own). Stored in system_config as <c>_id: "consent_ledger_anchor:YYYY-MM-DD"</c>.
/// </summary>
public sealed record LedgerAnchor(DateOnly Day, DateTime TakenAt, IReadOnlyList<ConsentChainHead> Changed, long ChainCount, string RootHash, string PreviousRootHash)
{
    public string Id => AnchorIdPrefix + Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public const string AnchorIdPrefix = "consent_ledger_anchor:";

    /// <summary>
    /// The root hash over a set of chain heads: lower-case hex SHA-256 of the UTF-8 lines
    /// <c>chainKey TAB sequence TAB hash LF</c>, one per chain, sorted by chain key (ordinal).
    /// </summary>
    public static string Root(IEnumerable<ConsentChainHead> heads)
    {
        ArgumentNullException.ThrowIfNull(heads);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var head in heads.OrderBy(h => h.ChainKey, StringComparer.Ordinal))
            sha.AppendData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{head.ChainKey}\t{head.Sequence}\t{head.Hash}\n")));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
