using MongoDB.Bson;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Leads.Normalization;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Intake.Canonical;

/// <summary>Maps the canonical contract onto a <see cref="LeadSubmission"/>, reporting unknown enum spellings as field errors.</summary>
internal static class CanonicalLeadMapper
{
    public static LeadSubmission? ToSubmission(CanonicalLead lead, DateTime now, Dictionary<string, string[]> errors)
    {
        var source = Parse(lead.Source, "source", LeadSource.Manual, errors);
        var intent = ParseOptional<IntentType>(lead.Intent?.Type, "intent.type", errors);
        var urgency = ParseOptional<Level>(lead.Intent?.Urgency, "intent.urgency", errors);
        var type = ParseOptional<PropertyType>(lead.Property?.Type, "property.type", errors);
        var condition = ParseOptional<PropertyCondition>(lead.Property?.Condition, "property.condition", errors);
        SubmittedConsent? consent = null;
        if (lead.Consent is { } c)
        {
            var method = Parse(c.Method, "consent.method", ConsentMethod.WebForm, errors);
            var givenAt = c.GivenAt?.ToUniversalTime();
            if (givenAt > now) errors["consent.givenAt"] = ["Must not be in the future."];
            consent = new SubmittedConsent(c.Text, method, Trim(c.Source), c.AutomatedCallsAllowed, c.TextMessagesAllowed, givenAt, Trim(c.IpAddress), Trim(c.UserAgent));
        }
        if (errors.Count > 0) return null;

        return new LeadSubmission
        {
            Source = source,
            ExternalId = string.IsNullOrWhiteSpace(lead.ExternalId) ? "api_" + ObjectId.GenerateNewId() : lead.ExternalId,
            FirstName = lead.FirstName,
            LastName = lead.LastName,
            Email = lead.Email,
            Phone = lead.Phone,
            AlternatePhone = lead.AlternatePhone,
            Address = lead.Address is { } a ? new SubmittedAddress(a.Street, a.City, a.State, a.ZipCode, a.Unit) : null,
            Intent = intent,
            Message = lead.Intent?.Message,
            Urgency = urgency,
            Timeframe = lead.Intent?.Timeframe,
            Motivation = lead.Intent?.Motivation?.Where(m => m is not null).ToList() ?? [],
            PropertyType = type,
            Condition = condition,
            EstimatedValue = lead.Property?.EstimatedValue,
            EstimatedEquity = lead.Property?.EstimatedEquity,
            Tags = lead.Tags?.Where(t => t is not null).ToList() ?? [],
            Consent = consent,
        };
    }

    private static TEnum Parse<TEnum>(string? value, string field, TEnum fallback, Dictionary<string, string[]> errors) where TEnum : struct, Enum =>
        ParseOptional<TEnum>(value, field, errors) ?? fallback;

    private static TEnum? ParseOptional<TEnum>(string? value, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (StoredEnum.TryParse<TEnum>(value.Trim().ToLowerInvariant(), out var parsed)) return parsed;
        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(v => StoredEnum.Name(v)));
        errors[field] = [$"Unknown value; one of: {allowed}."];
        return null;
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
