using MongoDB.Bson;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Campaigns;

/// <summary>
/// The part of a campaign's targeting the database can apply exactly as <see cref="CampaignMatcher"/> does: open
/// leads only (not converted, lost or Do-Not-Call), lead sources, intent and a positive minimum score. The matcher
/// decides the rest (geography, price, property type) lead by lead. Values are written as BSON literals, never
/// parsed from text, so targeting cannot inject operators.
/// </summary>
public static class CampaignTargetingFilter
{
    public static BsonDocument Coarse(CampaignTargeting targeting)
    {
        ArgumentNullException.ThrowIfNull(targeting);
        var filter = new BsonDocument("status", new BsonDocument("$nin", new BsonArray
        {
            StoredEnum.Name(LeadStatus.Converted), StoredEnum.Name(LeadStatus.Lost), StoredEnum.Name(LeadStatus.Dnc),
        }));
        if (targeting.LeadSources is { Count: > 0 } sources) filter["source"] = In(sources.Select(s => (BsonValue)StoredEnum.Name(s)));
        if (targeting.Intent is { Count: > 0 } intents) filter["intent.type"] = In(intents.Select(i => (BsonValue)StoredEnum.Name(i)));
        // The matcher scores an unscored lead 0, which a positive minimum excludes, as $gte does.
        if (targeting.Qualification?.MinScore is { } minScore && minScore > 0) filter["qualification.score"] = new BsonDocument("$gte", minScore);
        return filter;
    }

    private static BsonDocument In(IEnumerable<BsonValue> values) => new("$in", new BsonArray(values));
}
