using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Leads;

/// <summary>Builds leads for staff API tests and stores them through the driver.</summary>
internal sealed class TestLeads
{
    private readonly Lead _lead;

    private TestLeads(DateTime receivedAt)
    {
        var id = ObjectId.GenerateNewId();
        _lead = new Lead
        {
            Id = id,
            Source = LeadSource.Zillow,
            ExternalId = "ext-" + id,
            ReceivedAt = receivedAt,
            Contact = new LeadContact { FirstName = "Ann", LastName = "Lee", Email = $"a{id}@example.com", Phone = "+12065550100", Address = new PostalAddress { City = "Seattle", State = "WA", ZipCode = "98101" } },
            Qualification = new LeadQualification { Score = 0.5, Qualified = false },
            CreatedAt = receivedAt,
            UpdatedAt = receivedAt,
        };
    }

    public static TestLeads At(DateTime receivedAt) => new(receivedAt);

    public TestLeads Named(string? first, string? last) { _lead.Contact.FirstName = first; _lead.Contact.LastName = last; return this; }

    public TestLeads Email(string? email) { _lead.Contact.Email = email; return this; }

    public TestLeads Phone(string? phone) { _lead.Contact.Phone = phone; return this; }

    public TestLeads From(LeadSource source) { _lead.Source = source; return this; }

    public TestLeads Score(double? score, bool qualified = false)
    {
        _lead.Qualification = score is null ? null : new LeadQualification { Score = score.Value, Qualified = qualified, EstimatedEquity = 0.4, EstimatedValue = 250_000m };
        return this;
    }

    public TestLeads In(LeadStatus status, LeadStage stage) { _lead.Status = status; _lead.Stage = stage; return this; }

    public TestLeads Campaign(ObjectId campaignId) { _lead.CampaignId = campaignId; return this; }

    public TestLeads Tagged(params string[] tags) { _lead.Tags = [.. tags]; return this; }

    public TestLeads Property(ObjectId propertyId) { _lead.PropertyId = propertyId; return this; }

    public TestLeads State(string state) { _lead.Contact.Address!.State = state; return this; }

    public TestLeads ContactedAfter(TimeSpan delay)
    {
        _lead.ContactAttempts.Add(new ContactAttempt { AttemptId = ObjectId.GenerateNewId(), Timestamp = _lead.ReceivedAt + delay, Type = ContactMethod.AutomatedCall, Outcome = "answered" });
        _lead.LastContactedAt = _lead.ReceivedAt + delay;
        if (_lead.FirstContactAt is null || _lead.FirstContactAt > _lead.ReceivedAt + delay) _lead.FirstContactAt = _lead.ReceivedAt + delay;
        return this;
    }

    public Lead Build() => _lead;

    public async Task<Lead> SaveAsync(IMongoDatabase database)
    {
        await database.GetCollection<Lead>(CollectionNames.Leads).InsertOneAsync(_lead);
        return _lead;
    }

    public static Task SaveAllAsync(IMongoDatabase database, IEnumerable<Lead> leads) =>
        database.GetCollection<Lead>(CollectionNames.Leads).InsertManyAsync(leads);

    public static Task<Lead> LoadAsync(IMongoDatabase database, ObjectId id) =>
        database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.Id == id).FirstAsync();
}
