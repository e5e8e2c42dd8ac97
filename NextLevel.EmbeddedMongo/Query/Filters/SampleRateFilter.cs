using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Query.Filters;

/// <summary><c>$sampleRate: p</c>: each document matches independently with probability p (Random.Shared is thread-safe).</summary>
internal sealed class SampleRateFilter(double rate) : Filter
{
    public override bool Matches(BsonDocument document, MatchDetails? details = null) => Random.Shared.NextDouble() < rate;
}
