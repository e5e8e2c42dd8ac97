using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Leads.Normalization;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>
/// Creates or links the lead's property (collection <c>properties</c>), keyed by the unique
/// <c>address.formatted</c>; the lead id is added with $addToSet. Race-safe through that unique index.
/// </summary>
internal sealed class PropertyLinker(IMongoDatabase database)
{
    private const int MaxAttempts = 4;
    private readonly IMongoCollection<Property> _properties = database.GetCollection<Property>(CollectionNames.Properties);

    public async Task<PropertyPlan?> PlanAsync(NormalizedLead lead, CancellationToken cancellationToken)
    {
        if (lead.FormattedAddress is null) return null;
        var existing = await FindIdAsync(lead.FormattedAddress, cancellationToken);
        return new PropertyPlan(existing ?? ObjectId.GenerateNewId(), existing is not null, lead.FormattedAddress);
    }

    public async Task<ObjectId> LinkAsync(PropertyPlan plan, ObjectId leadId, NormalizedLead lead, DateTime now, CancellationToken cancellationToken)
    {
        ObjectId? existing = plan.Exists ? plan.PropertyId : null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (existing is { } id)
            {
                var update = Builders<Property>.Update.AddToSet(p => p.LeadIds, leadId).Set(p => p.UpdatedAt, now);
                if ((await _properties.UpdateOneAsync(p => p.Id == id, update, cancellationToken: cancellationToken)).MatchedCount == 1) return id;
            }
            else
            {
                var address = lead.Contact.Address!;
                var property = new Property
                {
                    Id = attempt == 0 ? plan.PropertyId : ObjectId.GenerateNewId(),
                    Address = new PropertyAddress { Street = address.Street ?? "", City = address.City ?? "", State = address.State ?? "", ZipCode = address.ZipCode ?? "", Formatted = plan.Formatted },
                    Type = lead.PropertyType,
                    Condition = lead.Condition,
                    LeadIds = [leadId],
                    CreatedAt = now,
                    UpdatedAt = now,
                    DataSource = StoredEnum.Name(lead.Source),
                };
                try
                {
                    await _properties.InsertOneAsync(property, cancellationToken: cancellationToken);
                    return property.Id;
                }
                catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
                {
                    // The same address arrived with another lead at the same moment: link to that property.
                }
            }
            existing = await FindIdAsync(plan.Formatted, cancellationToken);
        }
        throw new InvalidOperationException($"Could not link lead {leadId} to a property after {MaxAttempts} attempts.");
    }

    private async Task<ObjectId?> FindIdAsync(string formatted, CancellationToken cancellationToken)
    {
        var found = await _properties.Find(p => p.Address.Formatted == formatted).Project(p => p.Id).Limit(1).ToListAsync(cancellationToken);
        return found.Count == 0 ? null : found[0];
    }
}

internal sealed record PropertyPlan(ObjectId PropertyId, bool Exists, string Formatted);
