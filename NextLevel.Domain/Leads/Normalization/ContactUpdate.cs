namespace NextLevel.Domain.Leads.Normalization;

/// <summary>One field of a contact-details update as the source sent it: absent (keep), a value (set) or blank (clear).</summary>
public readonly record struct FieldChange(bool Present, string? Value)
{
    public static FieldChange Keep => default;

    /// <summary>A blank value clears the field: sources send "" for "unset".</summary>
    public static FieldChange To(string? value) => new(true, string.IsNullOrWhiteSpace(value) ? null : value);

    internal string? Over(string? stored) => Present ? Value : stored;
}

/// <summary>
/// An update of a stored lead's contact details (Real Geeks' "updated" action): each field kept, set or cleared.
/// Applied by <see cref="ContactUpdater"/>, which validates the result with <see cref="LeadNormalizer"/> — the same
/// rules as a new lead (valid phones in E.164, at least a phone or an e-mail).
/// </summary>
public sealed record ContactUpdate
{
    public FieldChange FirstName { get; init; }

    public FieldChange LastName { get; init; }

    public FieldChange Email { get; init; }

    public FieldChange Phone { get; init; }

    public FieldChange AlternatePhone { get; init; }

    public FieldChange Street { get; init; }

    public FieldChange City { get; init; }

    public FieldChange State { get; init; }

    public FieldChange ZipCode { get; init; }

    public bool TouchesAddress => Street.Present || City.Present || State.Present || ZipCode.Present;
}

/// <summary>The contact after an update, and which of its fields changed (names as stored under <c>contact.</c>).</summary>
/// <param name="Lead">The stored lead's identity with the updated contact, normalised (null when invalid).</param>
public sealed record ContactUpdateResult(NormalizedLead? Lead, IReadOnlyList<string> ChangedFields, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Lead is not null;

    public LeadContact? Contact => Lead?.Contact;

    public bool PhonesChanged => ChangedFields.Contains(ContactFields.Phone) || ChangedFields.Contains(ContactFields.AlternatePhone);
}

/// <summary>Stored field names of <see cref="LeadContact"/>, as the update reports them.</summary>
public static class ContactFields
{
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string AlternatePhone = "alternatePhone";
    public const string Address = "address";
}

/// <summary>Merges a <see cref="ContactUpdate"/> into a stored contact and normalises the result as intake does.</summary>
public static class ContactUpdater
{
    public static ContactUpdateResult Apply(Lead stored, ContactUpdate update)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(update);
        var before = stored.Contact;
        var address = before.Address;
        var submission = new LeadSubmission
        {
            Source = stored.Source,
            ExternalId = stored.ExternalId,
            FirstName = update.FirstName.Over(before.FirstName),
            LastName = update.LastName.Over(before.LastName),
            Email = update.Email.Over(before.Email),
            Phone = update.Phone.Over(before.Phone),
            AlternatePhone = update.AlternatePhone.Over(before.AlternatePhone),
            Address = new SubmittedAddress(
                update.Street.Over(address?.Street), update.City.Over(address?.City), update.State.Over(address?.State), update.ZipCode.Over(address?.ZipCode)),
        };
        var normalized = LeadNormalizer.Normalize(submission);
        if (!normalized.IsValid) return new ContactUpdateResult(null, [], normalized.Errors);

        var after = normalized.Lead!.Contact;
        var changed = new List<string>();
        if (after.FirstName != before.FirstName) changed.Add(ContactFields.FirstName);
        if (after.LastName != before.LastName) changed.Add(ContactFields.LastName);
        if (after.Email != before.Email) changed.Add(ContactFields.Email);
        if (after.Phone != before.Phone) changed.Add(ContactFields.Phone);
        if (after.AlternatePhone != before.AlternatePhone) changed.Add(ContactFields.AlternatePhone);
        if (!SameAddress(after.Address, before.Address)) changed.Add(ContactFields.Address);
        return new ContactUpdateResult(normalized.Lead, changed, normalized.Errors);
    }

    private static bool SameAddress(PostalAddress? a, PostalAddress? b) =>
        a?.Street == b?.Street && a?.City == b?.City && a?.State == b?.State && a?.ZipCode == b?.ZipCode;
}
