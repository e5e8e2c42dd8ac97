using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Closers;

/// <summary>What the task, visit, offer, deal and pipeline handlers use.</summary>
public sealed class ClosingServices(IMongoDatabase database, ComplianceService compliance, CloserCalendarStore calendars, TimeProvider clock, ILogger<ClosingServices> logger)
{
    public IMongoDatabase Database => database;

    public IMongoCollection<Lead> Leads { get; } = database.GetCollection<Lead>(CollectionNames.Leads);

    public IMongoCollection<Property> Properties { get; } = database.GetCollection<Property>(CollectionNames.Properties);

    public ComplianceService Compliance => compliance;

    public CloserCalendarStore Calendars => calendars;

    public TimeProvider Clock => clock;

    public ILogger Logger => logger;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
}
