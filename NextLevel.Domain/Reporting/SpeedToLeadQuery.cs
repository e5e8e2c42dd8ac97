using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Reporting;

/// <param name="Contacted">Leads with at least one contact attempt (the ones measured).</param>
/// <param name="MedianSeconds">Median time from receipt to the first contact attempt.</param>
/// <param name="P90Seconds">90th percentile (nearest rank) of the same.</param>
public sealed record SpeedToLead(int Contacted, double? MedianSeconds, double? P90Seconds);

/// <summary>
/// Speed to lead: seconds from receivedAt to the earliest contactAttempts.timestamp, for leads matching a filter.
/// The earliest attempt is the computed <c>firstContactAt</c> (kept with $min on every append), so only two dates per
/// lead are read. The database computes one number per contacted lead; the percentiles are taken here. (The Overview
/// uses <see cref="LeadKpiQuery"/>, which does this and the outcomes in one pass.)
/// </summary>
public sealed class SpeedToLeadQuery(IMongoDatabase database)
{
    public async Task<SpeedToLead> MeasureAsync(BsonDocument match, CancellationToken cancellationToken = default)
    {
        var contacted = new BsonDocument(match) { { "firstContactAt", new BsonDocument("$type", "date") } };
        var pipeline = new[]
        {
            new BsonDocument("$match", contacted),
            new BsonDocument("$project", new BsonDocument
            {
                { "_id", 0 },
                { "s", new BsonDocument("$divide", new BsonArray
                    {
                        new BsonDocument("$subtract", new BsonArray { "$firstContactAt", "$receivedAt" }), 1000,
                    }) },
            }),
        };
        var seconds = new List<double>();
        using var cursor = await database.GetCollection<BsonDocument>(CollectionNames.Leads).AggregateAsync<BsonDocument>(pipeline, cancellationToken: cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
            seconds.AddRange(cursor.Current.Where(d => d["s"].IsNumeric).Select(d => Math.Max(0, d["s"].ToDouble())));
        return From(seconds);
    }

    /// <summary>Median and nearest-rank p90 of the given delays.</summary>
    public static SpeedToLead From(List<double> seconds)
    {
        if (seconds.Count == 0) return new SpeedToLead(0, null, null);
        seconds.Sort();
        var n = seconds.Count;
        var median = n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
        var p90 = seconds[Math.Max(0, (int)Math.Ceiling(0.9 * n) - 1)];
        return new SpeedToLead(n, Math.Round(median, 1), Math.Round(p90, 1));
    }
}
