using NextLevel.Domain.Leads;

namespace NextLevel.Worker.Templates;

/// <summary>The template fields a lead offers: first_name, last_name, full_name, property_address, city, state, zip_code, campaign_name.</summary>
public static class LeadTemplateFields
{
    public static IReadOnlyList<string> Names { get; } =
        ["first_name", "last_name", "full_name", "property_address", "city", "state", "zip_code", "campaign_name"];

    public static IReadOnlyDictionary<string, string?> From(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var contact = lead.Contact;
        var address = contact.Address;
        var fullName = string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["first_name"] = string.IsNullOrWhiteSpace(contact.FirstName) ? "there" : contact.FirstName.Trim(),
            ["last_name"] = contact.LastName?.Trim(),
            ["full_name"] = fullName,
            ["property_address"] = string.IsNullOrWhiteSpace(lead.PropertyAddress) ? "your property" : lead.PropertyAddress,
            ["city"] = string.IsNullOrWhiteSpace(address?.City) ? "your area" : address.City,
            ["state"] = string.IsNullOrWhiteSpace(address?.State) ? "your state" : address.State,
            ["zip_code"] = address?.ZipCode,
            ["campaign_name"] = string.IsNullOrWhiteSpace(lead.CampaignName) ? "Next Level Real Estate" : lead.CampaignName,
        };
    }
}
