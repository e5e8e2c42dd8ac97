using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Contacts;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>
/// Links a lead to the one contact (collection <c>contacts</c>) of its person: matched by E.164 phone first,
/// then by lower-case e-mail. Race-safe through the partial unique indexes on phone and email: an insert that
/// loses a race reads the winner and links to it.
/// </summary>
internal sealed class ContactLinker(IMongoDatabase database)
{
    private const int MaxAttempts = 4;
    private readonly IMongoCollection<Contact> _contacts = database.GetCollection<Contact>(CollectionNames.Contacts);

    /// <summary>Read-only look-up before the lead is written: the contact the lead will point at (existing, or a new id).</summary>
    public async Task<ContactPlan> PlanAsync(LeadContact person, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(person, cancellationToken);
        return existing is null ? new ContactPlan(ObjectId.GenerateNewId(), null) : new ContactPlan(existing.Id, existing);
    }

    /// <summary>Writes the link once the lead exists; returns the contact id actually used (differs from the plan only after a lost race).</summary>
    public async Task<ObjectId> LinkAsync(ContactPlan plan, ObjectId leadId, LeadSource source, LeadContact person, DateTime now, CancellationToken cancellationToken)
    {
        var existing = plan.Existing;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (existing is not null)
            {
                if (await AddLeadAsync(existing, leadId, source, person, now, cancellationToken)) return existing.Id;
            }
            else
            {
                var contact = new Contact
                {
                    Id = attempt == 0 ? plan.ContactId : ObjectId.GenerateNewId(),
                    FirstName = person.FirstName,
                    LastName = person.LastName,
                    Phone = person.Phone,
                    Email = person.Email,
                    AlternatePhones = person.AlternatePhone is null ? [] : [person.AlternatePhone],
                    Address = person.Address,
                    LeadIds = [leadId],
                    Sources = [source],
                    FirstSeenAt = now,
                    LastSeenAt = now,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                try
                {
                    await _contacts.InsertOneAsync(contact, cancellationToken: cancellationToken);
                    return contact.Id;
                }
                catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
                {
                    // Another delivery of the same person created the contact first: link to it.
                }
            }
            existing = await FindAsync(person, cancellationToken);
        }
        throw new InvalidOperationException($"Could not link lead {leadId} to a contact after {MaxAttempts} attempts.");
    }

    private async Task<Contact?> FindAsync(LeadContact person, CancellationToken cancellationToken)
    {
        // One round trip for both keys: a top-level $or whose branches are string equalities, each served by its
        // partial unique index (the equality implies the index's $type string filter) as a union of index scans.
        // At most one contact has the phone and one the e-mail; phone wins over e-mail when both find someone.
        var filter = (person.Phone, person.Email) switch
        {
            (null, null) => null,
            ({ } phone, null) => Builders<Contact>.Filter.Eq(c => c.Phone, phone),
            (null, { } email) => Builders<Contact>.Filter.Eq(c => c.Email, email),
            ({ } phone, { } email) => Builders<Contact>.Filter.Or(Builders<Contact>.Filter.Eq(c => c.Phone, phone), Builders<Contact>.Filter.Eq(c => c.Email, email)),
        };
        if (filter is null) return null;
        var found = await _contacts.Find(filter).Limit(2).ToListAsync(cancellationToken);
        return found.Find(c => person.Phone is not null && c.Phone == person.Phone) ?? found.FirstOrDefault();
    }

    private async Task<bool> AddLeadAsync(Contact contact, ObjectId leadId, LeadSource source, LeadContact person, DateTime now, CancellationToken cancellationToken)
    {
        var update = Builders<Contact>.Update
            .AddToSet(c => c.LeadIds, leadId)
            .AddToSet(c => c.Sources, source)
            .Max(c => c.LastSeenAt, now)
            .Set(c => c.UpdatedAt, now);
        if (person.AlternatePhone is not null) update = update.AddToSet(c => c.AlternatePhones, person.AlternatePhone);
        // Fill in an e-mail or phone the contact lacked; skipped when it already belongs to another contact.
        var filled = update;
        if (contact.Email is null && person.Email is not null) filled = filled.Set(c => c.Email, person.Email);
        if (contact.Phone is null && person.Phone is not null) filled = filled.Set(c => c.Phone, person.Phone);
        try
        {
            return (await _contacts.UpdateOneAsync(c => c.Id == contact.Id, filled, cancellationToken: cancellationToken)).MatchedCount == 1;
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return (await _contacts.UpdateOneAsync(c => c.Id == contact.Id, update, cancellationToken: cancellationToken)).MatchedCount == 1;
        }
    }
}

internal sealed record ContactPlan(ObjectId ContactId, Contact? Existing);
