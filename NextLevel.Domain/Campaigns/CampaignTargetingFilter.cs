using MongoDB.Bson;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Campaigns;

/// <summary>
/// A campaign's targeting as a query over <c>leads</c>: lead sources, intent, minimum score and equity, maximum
/// estimated value, states, cities, ZIP codes and motivation factors; an empty list does not narrow. Only open
/// leads count (not converted, lost or Do-Not-Call). Property types live on properties and are not part of it.
/// Values are written as BSON literals, never parsed from text, so targeting cannot inject operators.
/// </summary>
public static class CampaignTargetingFilter
{
    public static BsonDocument ForLeads(CampaignTargeting targeting)
    {
        ArgumentNullException.ThrowIfNull(targeting);
        var filter = new BsonDocument("status", new BsonDocument("$nin", new BsonArray
        {
            StoredEnum.Name(LeadStatus.Converted), StoredEnum.Name(LeadStatus.Lost), StoredEnum.Name(LeadStatus.Dnc),
        }));
        if (targeting.LeadSources is { Count: > 0 } sources) filter["source"] = In(sources.Select(s => (BsonValue)StoredEnum.Name(s)));
        if (targeting.Intent is { Count: > 0 } intents) filter["intent.type"] = In(intents.Select(i => (BsonValue)StoredEnum.Name(i)));
        if (targeting.Qualification is { } q)
        {
            if (q.MinScore is { } minScore) filter["qualification.score"] = new BsonDocument("$gte", minScore);
            if (q.MinEquity is { } minEquity) filter["qualification.estimatedEquity"] = new BsonDocument("$gte", minEquity);
            if (q.MaxPrice is { } maxPrice) filter["qualification.estimatedValue"] = new BsonDocument("$lte", new BsonDecimal128(maxPrice));
        }
        if (targeting.Geography is { } geo)
        {
            if (geo.States is { Count: > 0 } states) filter["contact.address.state"] = In(states.Select(s => (BsonValue)s));
            if (geo.Cities is { Count: > 0 } cities) filter["contact.address.city"] = In(cities.Select(c => (BsonValue)c));
            if (geo.ZipCodes is { Count: > 0 } zips) filter["contact.address.zipCode"] = In(zips.Select(z => (BsonValue)z));
        }
        if (targeting.MotivationFactors is { Count: > 0 } motivation) filter["intent.motivation"] = In(motivation.Select(m => (BsonValue)m));
        return filter;
    }

    private static BsonDocument In(IEnumerable<BsonValue> values) => new("$in", new BsonArray(values));
}
