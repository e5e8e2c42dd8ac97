using NextLevel.Domain.Compliance.Reassigned;

namespace NextLevel.Worker.Services.Reassigned;

/// <summary>One question to the Reassigned Numbers Database: an E.164 number and the date consent was given.</summary>
public sealed record ReassignedQuery(string Phone, DateOnly ConsentDate);

/// <summary>
/// A Reassigned Numbers Database provider: answers reassigned / not reassigned / no data for a number and consent date.
/// Real: <see cref="Providers.DncScrub.DncScrubRndClient"/> (when Providers:DncScrub:ApiKey is set); otherwise the
/// simulator (<see cref="Simulator.SimulatedReassignedNumbersClient"/>).
/// </summary>
public interface IReassignedNumbersClient
{
    Task<ReassignedAnswer> CheckAsync(ReassignedQuery query, CancellationToken cancellationToken);

    /// <summary>Several numbers at once (answers in the order of <paramref name="queries"/>).</summary>
    Task<IReadOnlyList<ReassignedAnswer>> CheckManyAsync(IReadOnlyList<ReassignedQuery> queries, CancellationToken cancellationToken);
}
