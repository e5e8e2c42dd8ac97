using System.Text.RegularExpressions;

namespace NextLevel.Domain.Leads.Normalization;

/// <summary>Addresses: parts trimmed with inner whitespace collapsed, state as its upper-case two-letter code, ZIP as 5 or 5+4 digits.</summary>
public static partial class AddressNormalizer
{
    private const int MaxPartLength = 200;

    /// <summary>Normalises the address, adding field errors (keys "address.street", "address.state"...) to <paramref name="errors"/>.</summary>
    public static PostalAddress? Normalize(SubmittedAddress? raw, IDictionary<string, List<string>> errors)
    {
        if (raw is null) return null;
        var street = Tidy(raw.Street, "address.street", errors);
        var unit = Tidy(raw.Unit, "address.unit", errors);
        var city = Tidy(raw.City, "address.city", errors);
        string? state = null;
        if (!string.IsNullOrWhiteSpace(raw.State))
        {
            if (UsStates.TryNormalize(raw.State, out var code)) state = code;
            else LeadNormalizer.AddError(errors, "address.state", "Not a US state: use the two-letter code, e.g. WA.");
        }
        string? zip = null;
        if (!string.IsNullOrWhiteSpace(raw.ZipCode))
        {
            var candidate = raw.ZipCode.Trim();
            if (Zip().IsMatch(candidate)) zip = candidate;
            else LeadNormalizer.AddError(errors, "address.zipCode", "A ZIP code has 5 digits, optionally -4 more.");
        }
        if (street is null && city is null && state is null && zip is null) return null;
        return new PostalAddress { Street = unit is null ? street : $"{street} {unit}".Trim(), City = city, State = state, ZipCode = zip };
    }

    /// <summary>"123 Main St, Seattle, WA 98101"; null unless street, city and state are known.</summary>
    public static string? Format(PostalAddress? address)
    {
        if (address?.Street is null || address.City is null || address.State is null) return null;
        var tail = address.ZipCode is null ? address.State : $"{address.State} {address.ZipCode}";
        return $"{address.Street}, {address.City}, {tail}";
    }

    /// <summary>Trims and collapses whitespace; null for blank input.</summary>
    public static string? Tidy(string? raw, string field, IDictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var tidy = Whitespace().Replace(raw.Trim(), " ");
        if (tidy.Length <= MaxPartLength) return tidy;
        LeadNormalizer.AddError(errors, field, $"At most {MaxPartLength} characters.");
        return null;
    }

    [GeneratedRegex(@"^\d{5}(-\d{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Zip();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
