using System.Globalization;
using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Ledger;

namespace NextLevel.Api.Tools;

/// <summary>
/// <c>verify-ledger [--phone P]</c>: recomputes the consent ledger (every chain or one phone's) and prints the result;
/// the first mismatch by entry id, chain (masked: a phone shows only its last four digits), sequence and reason.
/// Exit code 0 when valid, 1 when not, 2 on a usage error.
/// </summary>
internal static class LedgerCommand
{
    public const int UsageErrorCode = 2;

    public static async Task<int> VerifyAsync(string[] args, Func<IMongoDatabase> openDatabase, TextWriter output, CancellationToken cancellationToken)
    {
        string? phone = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--phone" && i + 1 < args.Length && phone is null && DncPhoneNumbers.TryNormalise(args[i + 1], out var e164)) { phone = e164; i++; }
            else return UsageErrorCode;
        }

        var verifier = new ConsentLedgerVerifier(openDatabase(), TimeProvider.System);
        var result = phone is null ? await verifier.VerifyAllAsync(cancellationToken) : await verifier.VerifyPhoneAsync(phone, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"checked {result.EntriesChecked:N0} entries in {result.ChainsChecked:N0} chains{(phone is null ? "" : " (phone " + ConsentChainKey.Mask(phone) + ")")} against {result.AnchorsChecked:N0} anchors"));
        if (result.FirstMismatch is not { } mismatch)
        {
            await output.WriteLineAsync("ledger valid");
            return 0;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ledger INVALID: first mismatch: entry {mismatch.EntryId ?? "(missing)"} chain {ConsentChainKey.Mask(mismatch.ChainKey)} sequence {(mismatch.Sequence?.ToString(CultureInfo.InvariantCulture) ?? "-")} reason {mismatch.Reason}{(mismatch.AnchorId is null ? "" : " anchor " + mismatch.AnchorId)}"));
        return 1;
    }
}
