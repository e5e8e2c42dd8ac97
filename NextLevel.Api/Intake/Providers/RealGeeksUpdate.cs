using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MongoDB.Bson;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Leads.Normalization;

namespace NextLevel.Api.Intake.Providers;

/// <summary>
/// Real Geeks' actions on a lead it already sent us (X-Lead-Router-Action, else the body's "action"): "updated"
/// carries only the contact fields that changed, "" meaning the field was unset; "activity_added" carries new
/// activities. Both are merged into the stored lead; "created" and unknown actions go through intake.
/// </summary>
internal static partial class RealGeeksUpdate
{
    public const string Updated = "updated";
    public const string ActivityAdded = "activity_added";
    public const string Author = "realgeeks";
    private const string AuthorName = "Real Geeks";
    private const int MaxActivities = 100;

    public static string? ActionOf(string? header, RealGeeksLead lead) =>
        (string.IsNullOrWhiteSpace(header) ? lead.Action : header)?.Trim().ToLowerInvariant();

    public static bool IsUpdate(string? action) => action is Updated or ActivityAdded;

    /// <summary>The contact fields present in the body: a key that is absent or null keeps the stored value.</summary>
    public static ContactUpdate ContactUpdateOf(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var street = Change(root, "street_address") is { Present: true } s ? s : Change(root, "address");
        return new ContactUpdate
        {
            FirstName = Change(root, "first_name"),
            LastName = Change(root, "last_name"),
            Email = Change(root, "email"),
            Phone = Change(root, "phone"),
            AlternatePhone = Change(root, "phone2"),
            Street = street,
            City = Change(root, "city"),
            State = Change(root, "state"),
            ZipCode = Change(root, "zip"),
        };
    }

    /// <summary>Each activity as a note on the lead, at the activity's own time (to the millisecond, as stored) when it has one.</summary>
    public static List<ActivityNote> ActivityNotes(RealGeeksLead lead, DateTime now) =>
        [.. (lead.Activities ?? []).OfType<RealGeeksActivity>().Take(MaxActivities)
            .Where(a => !string.IsNullOrWhiteSpace(a.Description) || !string.IsNullOrWhiteSpace(a.Type))
            .Select(a => TimeOf(a.Created) is { } at
                ? new ActivityNote(NoteOf(a, at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond))), Timed: true)
                : new ActivityNote(NoteOf(a, now), Timed: false))];

    /// <summary>True when the lead already has this activity (a redelivery): same text, and same time when the activity has one.</summary>
    public static bool AlreadyOn(Lead lead, ActivityNote activity) =>
        lead.Notes.Any(n => n.AuthorId == Author && n.Text == activity.Note.Text && (!activity.Timed || n.At == activity.Note.At));

    private static LeadNote NoteOf(RealGeeksActivity activity, DateTime at) => new()
    {
        NoteId = ObjectId.GenerateNewId(),
        At = at,
        AuthorId = Author,
        AuthorName = AuthorName,
        Text = TextOf(activity),
    };

    /// <summary>The note recording which contact fields an update changed (names only: the values are on the lead).</summary>
    public static LeadNote ChangeNote(IReadOnlyList<string> changedFields, DateTime now) => new()
    {
        NoteId = ObjectId.GenerateNewId(),
        At = now,
        AuthorId = Author,
        AuthorName = AuthorName,
        Text = "Contact details updated by Real Geeks: " + string.Join(", ", changedFields) + ".",
    };

    private static FieldChange Change(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? FieldChange.To(value.GetString()) : FieldChange.Keep;

    private static string TextOf(RealGeeksActivity activity)
    {
        var kind = string.Join(", ", new[] { activity.Type, activity.Source }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        var description = activity.Description?.Trim();
        var text = kind.Length == 0 ? $"Real Geeks activity: {description}" : string.IsNullOrEmpty(description) ? $"Real Geeks activity ({kind})" : $"Real Geeks activity ({kind}): {description}";
        return text.Length <= LeadNormalizer.MaxMessageLength ? text : text[..LeadNormalizer.MaxMessageLength];
    }

    /// <summary>Real Geeks' times may carry nanoseconds ("…52.789337607Z"); .NET parses at most seven fraction digits.</summary>
    internal static DateTime? TimeOf(string? created)
    {
        if (string.IsNullOrWhiteSpace(created)) return null;
        var trimmed = ExtraFractionDigits().Replace(created.Trim(), "$1");
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : null;
    }

    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex ExtraFractionDigits();
}

/// <summary>A Real Geeks activity as a lead note; <paramref name="Timed"/> when the activity carried its own time.</summary>
internal sealed record ActivityNote(LeadNote Note, bool Timed);
