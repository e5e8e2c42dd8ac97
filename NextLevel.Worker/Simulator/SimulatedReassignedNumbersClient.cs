using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Worker.Services.Reassigned;

namespace NextLevel.Worker.Simulator;

/// <summary>
/// The local stand-in for a Reassigned Numbers Database provider, answering by fixed rules (docs/integrations.md):
/// a consent date before 27 January 2021 → no data (the database's data starts then); otherwise a number ending in
/// <c>99</c> → reassigned, ending in <c>98</c> → no data, any other → not reassigned.
/// </summary>
public sealed class SimulatedReassignedNumbersClient : IReassignedNumbersClient
{
    public const string Provider = "simulator";

    public Task<ReassignedAnswer> CheckAsync(ReassignedQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(Answer(query));
    }

    public Task<IReadOnlyList<ReassignedAnswer>> CheckManyAsync(IReadOnlyList<ReassignedQuery> queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return Task.FromResult<IReadOnlyList<ReassignedAnswer>>([.. queries.Select(Answer)]);
    }

    public static ReassignedCheckResult Rule(ReassignedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ConsentDate < ReassignedNumbersDatabase.DataStart) return ReassignedCheckResult.NoData;
        return query.Phone.EndsWith("99", StringComparison.Ordinal) ? ReassignedCheckResult.Reassigned
            : query.Phone.EndsWith("98", StringComparison.Ordinal) ? ReassignedCheckResult.NoData
            : ReassignedCheckResult.NotReassigned;
    }

    private static ReassignedAnswer Answer(ReassignedQuery query)
    {
        var result = Rule(query);
        return new ReassignedAnswer(result, Provider, "sim-" + Guid.NewGuid().ToString("N"), result != ReassignedCheckResult.NoData);
    }
}
