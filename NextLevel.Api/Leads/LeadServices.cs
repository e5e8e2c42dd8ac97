using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Leads;

/// <summary>What the lead handlers use: the collections, the clock and the log.</summary>
public sealed class LeadServices(IMongoDatabase database, TimeProvider clock, ILogger<LeadServices> logger)
{
    public IMongoDatabase Database => database;

    public IMongoCollection<Lead> Leads { get; } = database.GetCollection<Lead>(CollectionNames.Leads);

    public IMongoCollection<Property> Properties { get; } = database.GetCollection<Property>(CollectionNames.Properties);

    public TimeProvider Clock => clock;

    public ILogger Logger => logger;
}
