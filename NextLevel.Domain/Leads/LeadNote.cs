using MongoDB.Bson;

namespace NextLevel.Domain.Leads;

/// <summary>A staff note on a lead (leads.notes[]): who wrote it, when, and the text. Notes are only appended.</summary>
public sealed class LeadNote
{
    public ObjectId NoteId { get; set; }

    public DateTime At { get; set; }

    /// <summary>The staff user's id.</summary>
    public string AuthorId { get; set; } = "";

    public string? AuthorName { get; set; }

    public string Text { get; set; } = "";
}
