using MongoDB.Bson;

namespace NextLevel.Domain.Persistence.Catalogue;

/// <summary>A collection as the catalogue defines it: its name, indexes and $jsonSchema validator.</summary>
/// <param name="AppendOnly">The code offers no update or delete path (consent_logs).</param>
public sealed record CollectionDefinition(string Name, IReadOnlyList<IndexSpec> Indexes, BsonDocument? Validator, bool AppendOnly = false)
{
    public BsonDocument? ValidatorDocument => Validator is null ? null : new BsonDocument("$jsonSchema", Validator);
}
