using MongoDB.Bson;
using NextLevel.Domain.Leads;

namespace NextLevel.Domain.Contacts;

/// <summary>
/// One person across leads and sources (collection <c>contacts</c>). Leads are de-duplicated onto a contact by
/// E.164 phone, then by lower-case e-mail; both are unique where present.
/// </summary>
public sealed class Contact
{
    public ObjectId Id { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    /// <summary>E.164; unique when present.</summary>
    public string? Phone { get; set; }

    /// <summary>Lower-case; unique when present.</summary>
    public string? Email { get; set; }

    public List<string> AlternatePhones { get; set; } = [];

    public PostalAddress? Address { get; set; }

    public List<ObjectId> LeadIds { get; set; } = [];

    public List<LeadSource> Sources { get; set; } = [];

    public DateTime FirstSeenAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
