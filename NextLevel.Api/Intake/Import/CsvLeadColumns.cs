using System.Globalization;
using NextLevel.Api.Intake.Canonical;

namespace NextLevel.Api.Intake.Import;

/// <summary>
/// The CSV import's columns: the canonical lead flattened (names compared case-insensitively; any subset, in any
/// order). Lists (motivation, tags) are separated by ';'. Consent needs consentText.
/// </summary>
internal static class CsvLeadColumns
{
    public static readonly string[] All =
    [
        "source", "externalId", "firstName", "lastName", "email", "phone", "alternatePhone",
        "street", "unit", "city", "state", "zipCode",
        "intent", "message", "urgency", "timeframe", "motivation",
        "propertyType", "condition", "estimatedValue", "estimatedEquity", "tags",
        "consentText", "consentMethod", "consentSource", "consentAutomatedCalls", "consentTextMessages", "consentGivenAt",
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Unknown(IEnumerable<string> header) => header.Where(h => !Known.Contains(h.Trim())).ToList();

    /// <summary>One row as a canonical lead; unreadable numbers, booleans or dates become row errors.</summary>
    public static CanonicalLead ToCanonical(Func<string, string?> field, int rowNumber, List<ImportRowError> errors)
    {
        string? Get(string name) => field(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
        List<string>? List(string name) => Get(name)?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

        T? Parse<T>(string name, Func<string, (bool Ok, T Value)> parse) where T : struct
        {
            if (Get(name) is not { } text) return null;
            var (ok, value) = parse(text.Trim());
            if (ok) return value;
            errors.Add(new ImportRowError(rowNumber, name, "Unreadable value."));
            return null;
        }

        var lead = new CanonicalLead
        {
            Source = Get("source"),
            ExternalId = Get("externalId"),
            FirstName = Get("firstName"),
            LastName = Get("lastName"),
            Email = Get("email"),
            Phone = Get("phone"),
            AlternatePhone = Get("alternatePhone"),
            Tags = List("tags"),
        };
        if (Get("street") is not null || Get("city") is not null || Get("state") is not null || Get("zipCode") is not null || Get("unit") is not null)
            lead.Address = new CanonicalAddress { Street = Get("street"), Unit = Get("unit"), City = Get("city"), State = Get("state"), ZipCode = Get("zipCode") };
        if (Get("intent") is not null || Get("message") is not null || Get("urgency") is not null || Get("timeframe") is not null || Get("motivation") is not null)
            lead.Intent = new CanonicalIntent { Type = Get("intent"), Message = Get("message"), Urgency = Get("urgency"), Timeframe = Get("timeframe"), Motivation = List("motivation") };
        var value = Parse("estimatedValue", t => (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v), v));
        var equity = Parse("estimatedEquity", t => (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v), v));
        if (Get("propertyType") is not null || Get("condition") is not null || value is not null || equity is not null)
            lead.Property = new CanonicalProperty { Type = Get("propertyType"), Condition = Get("condition"), EstimatedValue = value, EstimatedEquity = equity };
        if (Get("consentText") is { } text)
        {
            lead.Consent = new CanonicalConsent
            {
                Text = text,
                Method = Get("consentMethod"),
                Source = Get("consentSource"),
                AutomatedCallsAllowed = Parse("consentAutomatedCalls", t => (bool.TryParse(t, out var v), v)) ?? false,
                TextMessagesAllowed = Parse("consentTextMessages", t => (bool.TryParse(t, out var v), v)) ?? false,
                GivenAt = Parse("consentGivenAt", t => (DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var v), v)),
            };
        }
        return lead;
    }
}
