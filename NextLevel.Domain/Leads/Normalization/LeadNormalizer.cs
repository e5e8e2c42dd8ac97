namespace NextLevel.Domain.Leads.Normalization;

/// <summary>
/// The one place a submitted lead is normalised and validated, whatever its source: at least a phone or an
/// e-mail, phones valid and in E.164 (US by default), e-mail lower-case, address tidy, consent only with its text.
/// </summary>
public static class LeadNormalizer
{
    public const int MaxExternalIdLength = 200;
    public const int MaxMessageLength = 5000;
    public const int MaxTags = 20;
    private const int MaxNameLength = 100;
    private const int MaxConsentTextLength = 5000;

    public static NormalizationResult Normalize(LeadSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        var externalId = submission.ExternalId.Trim();
        if (externalId.Length == 0) AddError(errors, "externalId", "Required.");
        else if (externalId.Length > MaxExternalIdLength) AddError(errors, "externalId", $"At most {MaxExternalIdLength} characters.");

        var (first, last) = Names(submission, errors);
        var phone = Phone(submission.Phone, "phone", errors);
        var alternate = Phone(submission.AlternatePhone, "alternatePhone", errors);
        string? email = null;
        if (!string.IsNullOrWhiteSpace(submission.Email))
        {
            if (EmailNormalizer.TryNormalize(submission.Email, out var normalized)) email = normalized;
            else AddError(errors, "email", "Not a valid e-mail address.");
        }
        if (string.IsNullOrWhiteSpace(submission.Phone) && string.IsNullOrWhiteSpace(submission.Email))
            AddError(errors, "phone", "A phone number or an e-mail address is required.");

        var address = AddressNormalizer.Normalize(submission.Address, errors);
        var message = string.IsNullOrWhiteSpace(submission.Message) ? null : submission.Message.Trim();
        if (message?.Length > MaxMessageLength) AddError(errors, "message", $"At most {MaxMessageLength} characters.");
        var timeframe = AddressNormalizer.Tidy(submission.Timeframe, "timeframe", errors)?.ToLowerInvariant();

        if (submission.EstimatedValue is < 0) AddError(errors, "estimatedValue", "Must not be negative.");
        if (submission.EstimatedEquity is < 0 or > 1 || submission.EstimatedEquity is { } e && double.IsNaN(e))
            AddError(errors, "estimatedEquity", "A fraction between 0 and 1.");
        var tags = Tags(submission.Tags, errors);
        var motivation = submission.Motivation.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (motivation.Count > MaxTags || motivation.Any(m => m.Length > MaxNameLength)) AddError(errors, "motivation", $"At most {MaxTags} factors of {MaxNameLength} characters.");
        Consent(submission.Consent, errors);

        if (errors.Count > 0) return new NormalizationResult(null, errors.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));

        var intent = submission.Intent is null && message is null && timeframe is null && submission.Urgency is null && motivation.Count == 0
            ? null
            : new LeadIntent { Type = submission.Intent ?? IntentType.Seller, Message = message, Urgency = submission.Urgency, Timeframe = timeframe, Motivation = motivation };
        var lead = new NormalizedLead
        {
            Source = submission.Source,
            ExternalId = externalId,
            Contact = new LeadContact { FirstName = first, LastName = last, Email = email, Phone = phone, AlternatePhone = alternate, Address = address },
            FormattedAddress = AddressNormalizer.Format(address),
            Intent = intent,
            PropertyType = submission.PropertyType,
            Condition = submission.Condition,
            EstimatedValue = submission.EstimatedValue,
            EstimatedEquity = submission.EstimatedEquity,
            Tags = tags,
            Consent = submission.Consent is null ? null : submission.Consent with { Text = submission.Consent.Text!.Trim() },
        };
        return new NormalizationResult(lead, new Dictionary<string, string[]>());
    }

    internal static void AddError(IDictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    private static (string? First, string? Last) Names(LeadSubmission submission, Dictionary<string, List<string>> errors)
    {
        var first = AddressNormalizer.Tidy(submission.FirstName, "firstName", errors);
        var last = AddressNormalizer.Tidy(submission.LastName, "lastName", errors);
        if (first is null && last is null && AddressNormalizer.Tidy(submission.FullName, "fullName", errors) is { } full)
        {
            var split = full.LastIndexOf(' ');
            (first, last) = split < 0 ? (full, null) : (full[..split], full[(split + 1)..]);
        }
        if (first?.Length > MaxNameLength) AddError(errors, "firstName", $"At most {MaxNameLength} characters.");
        if (last?.Length > MaxNameLength) AddError(errors, "lastName", $"At most {MaxNameLength} characters.");
        return (first, last);
    }

    private static string? Phone(string? raw, string field, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (PhoneNormalizer.TryNormalize(raw, out var e164)) return e164;
        AddError(errors, field, "Not a valid phone number.");
        return null;
    }

    private static List<string> Tags(IReadOnlyList<string> raw, Dictionary<string, List<string>> errors)
    {
        var tags = raw.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > MaxTags || tags.Any(t => t.Length > 50)) AddError(errors, "tags", $"At most {MaxTags} tags of 50 characters.");
        return tags;
    }

    private static void Consent(SubmittedConsent? consent, Dictionary<string, List<string>> errors)
    {
        if (consent is null) return;
        if (string.IsNullOrWhiteSpace(consent.Text)) AddError(errors, "consent.text", "Consent is recorded only with the exact text shown to the person.");
        else if (consent.Text.Length > MaxConsentTextLength) AddError(errors, "consent.text", $"At most {MaxConsentTextLength} characters.");
        if (!consent.AutomatedCallsAllowed && !consent.TextMessagesAllowed)
            AddError(errors, "consent", "A consent must allow automated calls, text messages or both.");
        if (consent.IpAddress?.Length > 64) AddError(errors, "consent.ipAddress", "At most 64 characters.");
        if (consent.UserAgent?.Length > 1000) AddError(errors, "consent.userAgent", "At most 1000 characters.");
    }
}
