using MongoDB.Bson;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class ContactsCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.Contacts,
        [
            // One contact per phone and per e-mail; partial so contacts without one do not collide on null.
            IndexSpec.On(new BsonDocument("phone", 1)) with { Unique = true, PartialFilterExpression = new BsonDocument("phone", new BsonDocument("$type", "string")) },
            IndexSpec.On(new BsonDocument("email", 1)) with { Unique = true, PartialFilterExpression = new BsonDocument("email", new BsonDocument("$type", "string")) },
            IndexSpec.On(new BsonDocument("leadIds", 1)),
            IndexSpec.On(new BsonDocument("lastSeenAt", -1)),
        ],
        Object(
            ["leadIds", "firstSeenAt", "createdAt"],
            new BsonDocument
            {
                { "phone", Phone() },
                { "email", new BsonDocument { { "bsonType", new BsonArray { "string", "null" } }, { "pattern", "^[^A-Z@\\s]+@[^A-Z@\\s]+$" } } },
                { "leadIds", ArrayOf(ObjectId()) },
                { "firstSeenAt", Date() },
                { "createdAt", Date() },
            }));
}
