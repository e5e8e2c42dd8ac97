using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Persistence.Catalogue;

namespace NextLevel.Domain.Tests.Integration;

public class ValidatorTests(EmbeddedMongoFixture mongo) : IClassFixture<EmbeddedMongoFixture>
{
    private static Lead ValidLead() => new()
    {
        Source = LeadSource.Zillow,
        ExternalId = "ZIL-" + Guid.NewGuid().ToString("N")[..8],
        ReceivedAt = DateTime.UtcNow,
        Contact = new LeadContact { FirstName = "Ada", Phone = "+15551234567", Email = "ada@example.com" },
        Qualification = new LeadQualification { Score = 0.8, EstimatedValue = 300_000m },
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    private async Task<IMongoCollection<Lead>> LeadsAsync()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        return database.GetCollection<Lead>(CollectionNames.Leads);
    }

    [Fact]
    public async Task A_valid_lead_is_accepted()
    {
        var leads = await LeadsAsync();

        await leads.InsertOneAsync(ValidLead());

        Assert.Equal(1, await leads.CountDocumentsAsync(FilterDefinition<Lead>.Empty));
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("score")]
    [InlineData("email")]
    [InlineData("money")]
    public async Task A_lead_breaking_an_invariant_is_rejected_and_nothing_is_written(string broken)
    {
        var leads = await LeadsAsync();
        var lead = ValidLead();
        switch (broken)
        {
            case "phone": lead.Contact.Phone = "555-1234"; break;
            case "score": lead.Qualification!.Score = 1.5; break;
            case "email": lead.Contact.Email = "Ada@Example.com"; break;
            case "money": lead.Qualification!.EstimatedValue = -1m; break;
        }

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => leads.InsertOneAsync(lead));

        Assert.Equal(121, error.WriteError.Code);
        Assert.Equal(0, await leads.CountDocumentsAsync(FilterDefinition<Lead>.Empty));
    }

    [Fact]
    public async Task A_duplicate_source_and_external_id_is_rejected()
    {
        var leads = await LeadsAsync();
        var first = ValidLead();
        await leads.InsertOneAsync(first);
        var again = ValidLead();
        again.ExternalId = first.ExternalId;

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => leads.InsertOneAsync(again));

        Assert.Equal(ServerErrorCategory.DuplicateKey, error.WriteError.Category);
    }

    [Fact]
    public async Task An_unknown_status_is_rejected()
    {
        var database = mongo.NewDatabase();
        await new CatalogueMigrator(database).ApplyAsync();
        var raw = database.GetCollection<BsonDocument>(CollectionNames.Leads);
        var document = ValidLead().ToBsonDocument();
        document["status"] = "active";

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => raw.InsertOneAsync(document));

        Assert.Equal(121, error.WriteError.Code);
    }
}
