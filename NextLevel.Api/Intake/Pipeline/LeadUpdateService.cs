using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Intake.Providers;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Leads.Normalization;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>What merging a source's update into a stored lead gave: the lead as stored now, or field errors and nothing written.</summary>
internal sealed record LeadUpdateOutcome(IntakeResponse? Lead, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// Merges a source's update of a lead we already have (Real Geeks' "updated" and "activity_added"): the changed
/// contact fields are validated as intake validates a new lead, then written field by field (so two updates of
/// different fields both survive) with the DNC status re-read when a phone changed and the contact re-linked when
/// the phone or e-mail changed. Consent is never carried over to a new number: the compliance gate requires the
/// consent's number to be the lead's phone. The change (field names) and each new activity become notes.
/// [Singleton - thread-safe: no state.]
/// </summary>
internal sealed class LeadUpdateService(
    IMongoDatabase database,
    DncLookup dnc,
    ContactLinker contacts,
    PropertyLinker properties,
    TimeProvider time,
    ILogger<LeadUpdateService> logger)
{
    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);

    public Task<Lead?> FindAsync(LeadSource source, string externalId, CancellationToken cancellationToken) =>
        _leads.Find(l => l.Source == source && l.ExternalId == externalId).FirstOrDefaultAsync(cancellationToken)!;

    public async Task<LeadUpdateOutcome> ApplyAsync(
        Lead stored, ContactUpdate update, IReadOnlyList<ActivityNote> activities, IntakeContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var merged = ContactUpdater.Apply(stored, update);
        if (!merged.IsValid) return new LeadUpdateOutcome(null, merged.Errors);

        var changes = new List<UpdateDefinition<Lead>>();
        var notes = activities.Where(a => !RealGeeksUpdate.AlreadyOn(stored, a)).Select(a => a.Note).ToList();
        if (merged.ChangedFields.Count > 0)
        {
            var contact = merged.Contact!;
            changes.AddRange(merged.ChangedFields.Select(field => FieldUpdate(field, contact)));
            notes.Add(RealGeeksUpdate.ChangeNote(merged.ChangedFields, now));
            if (merged.PhonesChanged) changes.Add(Builders<Lead>.Update.Set(l => l.DncStatus, await dnc.CheckAsync(contact, now, cancellationToken)));
            if (merged.ChangedFields.Contains(ContactFields.Phone) || merged.ChangedFields.Contains(ContactFields.Email))
                changes.Add(Builders<Lead>.Update.Set(l => l.ContactId, await RelinkContactAsync(stored, contact, now, cancellationToken)));
            if (merged.ChangedFields.Contains(ContactFields.Address))
            {
                changes.Add(Builders<Lead>.Update.Set(l => l.PropertyAddress, merged.Lead!.FormattedAddress));
                if (await RelinkPropertyAsync(stored, merged.Lead!, now, cancellationToken) is { } propertyId)
                    changes.Add(Builders<Lead>.Update.Set(l => l.PropertyId, propertyId));
            }
        }
        if (notes.Count == 0)
        {
            IntakeLog.Duplicate(logger, stored.Id, StoredEnum.Name(stored.Source));
            return new LeadUpdateOutcome(IntakeResponse.From(stored, duplicate: true), new Dictionary<string, string[]>());
        }

        changes.Add(Builders<Lead>.Update.PushEach(l => l.Notes, notes));
        changes.Add(Builders<Lead>.Update.Set(l => l.UpdatedAt, now).Set(l => l.UpdatedBy, context.Actor));
        var updated = await _leads.FindOneAndUpdateAsync<Lead>(
            l => l.Id == stored.Id, Builders<Lead>.Update.Combine(changes),
            new FindOneAndUpdateOptions<Lead> { ReturnDocument = ReturnDocument.After }, cancellationToken)
            ?? throw new InvalidOperationException($"Lead {stored.Id} disappeared while it was being updated.");
        IntakeLog.LeadUpdated(logger, stored.Id, StoredEnum.Name(stored.Source), merged.ChangedFields.Count, notes.Count);
        return new LeadUpdateOutcome(IntakeResponse.From(updated, duplicate: true), new Dictionary<string, string[]>());
    }

    /// <summary>One changed field, set or (when cleared) unset, so concurrent updates of other fields are kept.</summary>
    private static UpdateDefinition<Lead> FieldUpdate(string field, LeadContact contact)
    {
        var path = "contact." + field;
        BsonValue? value = field switch
        {
            ContactFields.FirstName => contact.FirstName,
            ContactFields.LastName => contact.LastName,
            ContactFields.Email => contact.Email,
            ContactFields.Phone => contact.Phone,
            ContactFields.AlternatePhone => contact.AlternatePhone,
            ContactFields.Address => contact.Address?.ToBsonDocument(),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a contact field."),
        };
        return value is null ? Builders<Lead>.Update.Unset(path) : Builders<Lead>.Update.Set(path, value);
    }

    private async Task<ObjectId?> RelinkContactAsync(Lead stored, LeadContact contact, DateTime now, CancellationToken cancellationToken)
    {
        if (contact.Phone is null && contact.Email is null) return stored.ContactId;
        var plan = await contacts.PlanAsync(contact, cancellationToken);
        return await contacts.LinkAsync(plan, stored.Id, stored.Source, contact, now, cancellationToken);
    }

    private async Task<ObjectId?> RelinkPropertyAsync(Lead stored, NormalizedLead merged, DateTime now, CancellationToken cancellationToken)
    {
        if (await properties.PlanAsync(merged, cancellationToken) is not { } plan) return stored.PropertyId;
        return await properties.LinkAsync(plan, stored.Id, merged, now, cancellationToken);
    }
}
