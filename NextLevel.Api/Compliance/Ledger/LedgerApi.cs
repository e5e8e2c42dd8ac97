using Microsoft.AspNetCore.Http.HttpResults;
using MongoDB.Driver;
using NextLevel.Api.Identity;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Ledger;

namespace NextLevel.Api.Compliance.Ledger;

/// <summary>
/// The tamper-evident consent ledger (docs/compliance.md): verify every chain or one phone's, and write today's
/// anchor on demand (the Worker writes the daily one). Compliance staff only.
/// </summary>
public static class LedgerApi
{
    public sealed record AnchorWritten(string Id, DateOnly Day, DateTime TakenAt, int ChainsChanged, long ChainCount, string RootHash, string PreviousRootHash, bool Written);

    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/compliance/ledger").WithTags("Compliance").RequireAuthorization(StaffPolicies.Compliance);
        group.MapGet("/verify", VerifyAsync).WithName("VerifyConsentLedger")
            .WithSummary("Recomputes the consent ledger's chains (every chain, or one phone's) and its anchors; names the first entry that does not match.");
        group.MapPost("/anchors", AnchorAsync).WithName("AnchorConsentLedger")
            .WithSummary("Writes today's anchor (the heads of the chains changed since the previous anchor and a root hash over all heads) unless one exists.");
        return group;
    }

    public static async Task<Results<Ok<LedgerVerification>, ValidationProblem>> VerifyAsync(
        string? phone, IMongoDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var verifier = new ConsentLedgerVerifier(database, time);
        if (phone is null) return TypedResults.Ok(await verifier.VerifyAllAsync(cancellationToken));
        if (!DncPhoneNumbers.TryNormalise(phone, out var e164))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["phone"] = ["Not a phone number: give it in E.164 (+15551234567) or as a ten-digit US number."] });
        return TypedResults.Ok(await verifier.VerifyPhoneAsync(e164, cancellationToken));
    }

    public static async Task<Ok<AnchorWritten>> AnchorAsync(IMongoDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (anchor, written) = await new ConsentLedgerAnchors(database, time).WriteAsync(today, cancellationToken);
        return TypedResults.Ok(new AnchorWritten(anchor.Id, anchor.Day, anchor.TakenAt, anchor.Changed.Count, anchor.ChainCount, anchor.RootHash, anchor.PreviousRootHash, written));
    }
}
