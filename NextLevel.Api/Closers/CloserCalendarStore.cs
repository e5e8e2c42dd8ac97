using System.Security.Cryptography;
using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Identity;
using NextLevel.Domain.Closers.Appointments;

namespace NextLevel.Api.Closers;

/// <summary>
/// The parts of a staff user's closer profile this feature owns, read and written field by field on
/// <c>staff_users</c> (so it does not depend on how the rest of the profile is mapped): <c>closer.bookedVisits</c>,
/// where booking is one conditional push (no overlapping interval may exist), and <c>closer.calendarFeedSecret</c>.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class CloserCalendarStore(IMongoDatabase database)
{
    private IMongoCollection<BsonDocument> Users => database.GetCollection<BsonDocument>(StaffUserStore.CollectionName);

    /// <summary>Display names of the given users (ids that are not staff users are left out).</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var oids = ids.Select(i => ObjectId.TryParse(i, out var o) ? o : ObjectId.Empty).Where(o => o != ObjectId.Empty).Distinct().ToList();
        if (oids.Count == 0) return [];
        var rows = await Users.Find(Builders<BsonDocument>.Filter.In("_id", oids))
            .Project(Builders<BsonDocument>.Projection.Include("displayName")).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r["_id"].AsObjectId.ToString(), r => r.GetValue("displayName", "").ToString() ?? "");
    }

    public async Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken) =>
        ObjectId.TryParse(userId, out var id) && await Users.Find(new BsonDocument("_id", id)).Limit(1).AnyAsync(cancellationToken);

    /// <summary>The closer's IANA zone (closer.timeZone, else the user's timeZone), UTC when none is known.</summary>
    public async Task<TimeZoneInfo> TimeZoneAsync(string userId, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(userId, out var id)) return TimeZoneInfo.Utc;
        var row = await Users.Find(new BsonDocument("_id", id))
            .Project(Builders<BsonDocument>.Projection.Include("timeZone").Include("closer.timeZone")).FirstOrDefaultAsync(cancellationToken);
        var name = row?.GetValue("closer", new BsonDocument()) is BsonDocument closer && closer.GetValue("timeZone", BsonNull.Value) is BsonString z ? z.Value
            : row?.GetValue("timeZone", BsonNull.Value) is BsonString t ? t.Value : null;
        return name is not null && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>
    /// Takes the slot on the closer's calendar in one update whose filter requires that no booked interval overlaps,
    /// so of two concurrent bookings of overlapping slots exactly one succeeds. False when the slot is taken or the
    /// user does not exist.
    /// </summary>
    public async Task<bool> TryBookAsync(string closerId, BookedVisit visit, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(closerId, out var id)) return false;
        var filter = new BsonDocument
        {
            { "_id", id },
            { "closer.bookedVisits", new BsonDocument("$not", new BsonDocument("$elemMatch", new BsonDocument
                {
                    { "startsAt", new BsonDocument("$lt", visit.EndsAt) },
                    { "endsAt", new BsonDocument("$gt", visit.StartsAt) },
                }))
            },
        };
        var slot = new BsonDocument { { "appointmentId", visit.AppointmentId }, { "startsAt", visit.StartsAt }, { "endsAt", visit.EndsAt } };
        var result = await Users.UpdateOneAsync(filter, new BsonDocument("$push", new BsonDocument("closer.bookedVisits", slot)), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    /// <summary>Frees the slot of an appointment (undo of a failed booking, or a cancelled visit).</summary>
    public async Task ReleaseAsync(string closerId, ObjectId appointmentId, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(closerId, out var id)) return;
        await Users.UpdateOneAsync(new BsonDocument("_id", id),
            new BsonDocument("$pull", new BsonDocument("closer.bookedVisits", new BsonDocument("appointmentId", appointmentId))), cancellationToken: cancellationToken);
    }

    /// <summary>The feed secret, created on first use (32 random bytes, base64url).</summary>
    public async Task<string?> FeedSecretAsync(string userId, bool rotate, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(userId, out var id)) return null;
        var fresh = NewSecret();
        var filter = rotate ? new BsonDocument("_id", id) : new BsonDocument { { "_id", id }, { "closer.calendarFeedSecret", new BsonDocument("$exists", false) } };
        await Users.UpdateOneAsync(filter, new BsonDocument("$set", new BsonDocument("closer.calendarFeedSecret", fresh)), cancellationToken: cancellationToken);
        var row = await Users.Find(new BsonDocument("_id", id)).Project(Builders<BsonDocument>.Projection.Include("closer.calendarFeedSecret")).FirstOrDefaultAsync(cancellationToken);
        return row?.GetValue("closer", BsonNull.Value) is BsonDocument closer && closer.GetValue("calendarFeedSecret", BsonNull.Value) is BsonString s ? s.Value : null;
    }

    /// <summary>Whether <paramref name="secret"/> is the user's current feed secret (constant-time comparison).</summary>
    public async Task<bool> VerifyFeedSecretAsync(string userId, string secret, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(userId, out var id) || secret.Length is 0 or > 100) return false;
        var row = await Users.Find(new BsonDocument("_id", id)).Project(Builders<BsonDocument>.Projection.Include("closer.calendarFeedSecret")).FirstOrDefaultAsync(cancellationToken);
        if (row?.GetValue("closer", BsonNull.Value) is not BsonDocument closer || closer.GetValue("calendarFeedSecret", BsonNull.Value) is not BsonString stored) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored.Value), Encoding.UTF8.GetBytes(secret));
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
