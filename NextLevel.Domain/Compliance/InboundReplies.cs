using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// Records a text from a lead that is not a revocation: a contact attempt of type <c>sms</c> with outcome
/// <c>replied</c>, and hands the lead to a person: <c>nextFollowUp = null</c> (the Worker's automated sequence
/// stops) and the tag <see cref="NeedsHumanTag"/> (the staff queue). The Worker resumes only when staff set a new
/// follow-up.
/// </summary>
public sealed class InboundReplies(IMongoDatabase database, TimeProvider time)
{
    public const string NeedsHumanTag = "needs_human";
    public const string RepliedOutcome = "replied";

    private readonly IMongoCollection<Lead> _leads = database.GetCollection<Lead>(CollectionNames.Leads);

    /// <summary>Records the reply on every lead with that number; returns how many leads it reached.</summary>
    public async Task<long> RecordAsync(string phone, string body, string? messageSid, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var attempt = new ContactAttempt
        {
            AttemptId = ObjectId.GenerateNewId(), Timestamp = now, Type = ContactMethod.Sms, Outcome = RepliedOutcome,
            Notes = messageSid is null ? body : $"{body}\n[{messageSid}]",
        };
        var result = await _leads.UpdateManyAsync(
            l => l.Contact.Phone == phone,
            Builders<Lead>.Update
                .Push(l => l.ContactAttempts, attempt)
                .Min(l => l.FirstContactAt, now)
                .Set(l => l.NextFollowUp, null)
                .AddToSet(l => l.Tags, NeedsHumanTag)
                .Set(l => l.UpdatedAt, now)
                .Set(l => l.UpdatedBy, "sms_reply"),
            cancellationToken: cancellationToken);
        return result.ModifiedCount;
    }
}
