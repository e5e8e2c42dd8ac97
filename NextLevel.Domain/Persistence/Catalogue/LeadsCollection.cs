using MongoDB.Bson;
using NextLevel.Domain.Leads;
using static NextLevel.Domain.Persistence.Catalogue.JsonSchema;

namespace NextLevel.Domain.Persistence.Catalogue;

internal static class LeadsCollection
{
    public static CollectionDefinition Definition { get; } = new(
        CollectionNames.Leads,
        [
            // The seed's indexes, as listed.
            IndexSpec.On(new BsonDocument("contact.email", 1)),
            IndexSpec.On(new BsonDocument("contact.phone", 1)),
            IndexSpec.On(new BsonDocument { { "source", 1 }, { "externalId", 1 } }) with { Unique = true },
            IndexSpec.On(new BsonDocument { { "status", 1 }, { "nextFollowUp", 1 } }),
            IndexSpec.On(new BsonDocument { { "qualification.qualified", 1 }, { "qualification.score", -1 } }),
            IndexSpec.On(new BsonDocument("receivedAt", -1)),
            IndexSpec.On(new BsonDocument { { "consent.hasWrittenConsent", 1 }, { "dncStatus.onNationalRegistry", 1 } }),
            // Ours: campaign performance and funnel filtered by campaign, and the contact's leads.
            IndexSpec.On(new BsonDocument { { "campaignId", 1 }, { "receivedAt", -1 } }),
            IndexSpec.On(new BsonDocument("contactId", 1)),
            // The staff lead list's tag filter.
            IndexSpec.On(new BsonDocument("tags", 1)),
            // Closers (issue 10): "my open tasks by due time" and a closer's visits by time.
            IndexSpec.On(new BsonDocument { { "tasks.ownerId", 1 }, { "tasks.status", 1 }, { "tasks.dueAt", 1 } }),
            IndexSpec.On(new BsonDocument { { "appointments.closerId", 1 }, { "appointments.startsAt", 1 } }),
            IndexSpec.On(new BsonDocument("tasks._id", 1)),
            IndexSpec.On(new BsonDocument("appointments._id", 1)),
            // Routing (issue 10): the Worker's expired claim windows, the pool and "offered to me".
            IndexSpec.On(new BsonDocument { { "routing.state", 1 }, { "routing.claimDeadline", 1 } }),
            // The staff lead list's orders (issue 7), each ending with _id as its keyset cursor does, so a page is an
            // index walk of limit+1 entries instead of a sort of every match; status, the common filter, pinned first.
            IndexSpec.On(new BsonDocument { { "receivedAt", -1 }, { "_id", -1 } }),
            IndexSpec.On(new BsonDocument { { "status", 1 }, { "receivedAt", -1 }, { "_id", -1 } }),
            // The stage filter of the lead list, as the status one: its total counted from the keys, its pages in order.
            IndexSpec.On(new BsonDocument { { "stage", 1 }, { "receivedAt", -1 }, { "_id", -1 } }),
            IndexSpec.On(new BsonDocument { { "qualification.score", -1 }, { "_id", -1 } }),
            IndexSpec.On(new BsonDocument { { "contact.lastName", 1 }, { "contact.firstName", 1 }, { "_id", 1 } }),
            // The leads search by first name (the case-insensitive prefix is tested on the index keys; the last name
            // uses the index above).
            IndexSpec.On(new BsonDocument("contact.firstName", 1)),
            // Blocked attempts (compliance audit): the leads with a blocked attempt, not a scan of all leads.
            IndexSpec.On(new BsonDocument("contactAttempts.outcome", 1)),
            // The closers' metrics on the Overview: leads claimed in a period, and the leads with open tasks.
            IndexSpec.On(new BsonDocument("routing.claimedAt", 1)),
            IndexSpec.On(new BsonDocument("tasks.status", 1)),
            // The first-contact backfill's "leads still without it" at every Api start: an index lookup of the
            // never-contacted leads instead of a scan of all leads. Cheap to keep: the field is set about once per lead.
            IndexSpec.On(new BsonDocument("firstContactAt", 1)),
        ],
        Object(
            ["source", "externalId", "receivedAt", "contact", "status", "stage", "createdAt"],
            new BsonDocument
            {
                { "source", Enum<LeadSource>() },
                { "externalId", NonEmptyString() },
                { "receivedAt", Date() },
                { "contact", Object(new BsonDocument
                    {
                        { "phone", Phone() },
                        { "alternatePhone", Phone() },
                        { "email", new BsonDocument { { "bsonType", new BsonArray { "string", "null" } }, { "pattern", "^[^A-Z@\\s]+@[^A-Z@\\s]+$" } } },
                    })
                },
                { "status", Enum<LeadStatus>() },
                { "stage", Enum<LeadStage>() },
                { "qualification", new BsonDocument
                    {
                        { "bsonType", new BsonArray { "object", "null" } },
                        { "properties", new BsonDocument
                            {
                                { "score", UnitInterval() },
                                { "estimatedValue", Money() },
                                { "estimatedEquity", UnitInterval(nullable: true) },
                            }
                        },
                    }
                },
                { "contactAttempts", ArrayOf(Object(["attemptId", "timestamp", "type", "outcome"], new BsonDocument
                    {
                        { "timestamp", Date() },
                        { "type", Enum<ContactMethod>() },
                    }))
                },
                { "consent", Object(new BsonDocument
                    {
                        { "hasWrittenConsent", Bool() },
                        { "consentMethod", Enum<ConsentMethod>(nullable: true) },
                    })
                },
                { "createdAt", Date() },
            }));
}
