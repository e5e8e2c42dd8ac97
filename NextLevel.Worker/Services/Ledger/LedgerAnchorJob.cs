using NextLevel.Domain.Compliance.Ledger;

namespace NextLevel.Worker.Services.Ledger;

/// <summary>What one run of the anchor job did.</summary>
public sealed record LedgerAnchorRun(DateOnly Day, bool Written, int ChainsChanged, long ChainCount, string RootHash);

/// <summary>
/// Anchors the previous UTC day once it has ended: the heads of the chains changed since the previous anchor and the
/// root hash over all chain heads (Domain: ConsentLedgerAnchors). A day already anchored (or followed by a later
/// anchor, e.g. one written on demand) is left as it is, so any number of Worker replicas may run it.
/// </summary>
public sealed class LedgerAnchorJob(ConsentLedgerAnchors anchors, TimeProvider time)
{
    public async Task<LedgerAnchorRun> RunAsync(CancellationToken cancellationToken)
    {
        var yesterday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        var (anchor, written) = await anchors.WriteAsync(yesterday, cancellationToken);
        return new LedgerAnchorRun(anchor.Day, written, anchor.Changed.Count, anchor.ChainCount, anchor.RootHash);
    }
}
