using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// The single compliance gate every contact passes (Api's can-contact, the Worker before each call, text or
/// e-mail): reads the facts (<see cref="ComplianceFactsReader"/>), then the pure <see cref="ComplianceGate"/> decides.
/// <paramref name="settingsCacheTtl"/>: see <see cref="ComplianceFactsReader"/> (zero, the default, reads every setting
/// for every decision).
/// </summary>
public sealed class ComplianceService(IMongoDatabase database, TimeProvider time, TimeSpan settingsCacheTtl = default)
{
    private readonly ComplianceFactsReader _reader = new(database, time, settingsCacheTtl);

    public async Task<ComplianceDecision> CanContactAsync(ObjectId leadId, ContactChannel channel, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var facts = await _reader.ReadAsync(leadId, at, cancellationToken);
        return ComplianceGate.Evaluate(facts, channel, at);
    }

    /// <summary>The facts behind a decision, for explaining or replaying it.</summary>
    public Task<ComplianceFacts> ReadFactsAsync(ObjectId leadId, DateTimeOffset at, CancellationToken cancellationToken) =>
        _reader.ReadAsync(leadId, at, cancellationToken);

    /// <summary>The facts of several leads the caller has just read, one read per kind of fact (<see cref="ComplianceFactsReader.ReadManyAsync"/>);
    /// each decision is still <see cref="ComplianceGate.Evaluate"/> on one lead's facts.</summary>
    public Task<IReadOnlyDictionary<ObjectId, ComplianceFacts>> ReadFactsAsync(IReadOnlyList<Leads.Lead> leads, DateTimeOffset at, CancellationToken cancellationToken) =>
        _reader.ReadManyAsync(leads, at, cancellationToken);
}
