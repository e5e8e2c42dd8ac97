using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace NextLevel.Api.Identity;

/// <summary>
/// A staff member who signs in (collection <c>staff_users</c>, outside the 12-collection catalogue; created with
/// the first user). Email is stored lower-case and is unique. Fields other features keep on the same document
/// (<c>closer.bookedVisits</c>, <c>closer.calendarFeedSecret</c>) are tolerated.
/// </summary>
[BsonIgnoreExtraElements]
public sealed class StaffUser
{
    [BsonId]
    public ObjectId Id { get; set; }

    [BsonElement("email")]
    public string Email { get; set; } = "";

    [BsonElement("displayName")]
    public string DisplayName { get; set; } = "";

    /// <summary>admin, campaign_manager, closer, ops, compliance (<see cref="StaffRoles"/>).</summary>
    [BsonElement("roles")]
    public List<string> Roles { get; set; } = [];

    /// <summary>ASP.NET Core Identity's PasswordHasher format (PBKDF2-HMAC-SHA512 with a per-user salt).</summary>
    [BsonElement("passwordHash")]
    public string PasswordHash { get; set; } = "";

    [BsonElement("disabled")]
    public bool Disabled { get; set; }

    [BsonElement("createdAt")]
    public DateTime CreatedAt { get; set; }

    [BsonElement("lastSignInAt")]
    public DateTime? LastSignInAt { get; set; }

    /// <summary>IANA time zone of the staff member (closers' shifts).</summary>
    [BsonElement("timeZone")]
    public string? TimeZone { get; set; }
}
