using NextLevel.Domain.Leads;
using NextLevel.Domain.Properties;

namespace NextLevel.Domain.Campaigns;

/// <summary>What campaign targeting looks at in a lead.</summary>
public sealed record CampaignMatchInput(
    LeadSource Source,
    IntentType? Intent,
    string? State,
    string? City,
    string? ZipCode,
    PropertyType? PropertyType,
    decimal? Price,
    double Score);

/// <summary>
/// Picks the campaign a new lead belongs to: among ACTIVE campaigns running at that moment, those whose every
/// targeting criterion the lead meets (an empty list or unset bound means "any"; an unknown property type or
/// price does not exclude), and of those the most specific (see <see cref="Specificity"/>); ties go to the
/// oldest campaign, then the smallest id. None → the lead stays unassigned.
/// </summary>
public static class CampaignMatcher
{
    public static Campaign? BestMatch(IEnumerable<Campaign> campaigns, CampaignMatchInput lead, DateTime now) =>
        campaigns
            .Where(c => Matches(c, lead, now))
            .OrderByDescending(c => Specificity(c.Targeting))
            .ThenBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)
            .FirstOrDefault();

    public static bool Matches(Campaign campaign, CampaignMatchInput lead, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(lead);
        if (campaign.Status != CampaignStatus.Active) return false;
        if (campaign.Schedule.StartDate != default && campaign.Schedule.StartDate > now) return false;
        if (campaign.Schedule.EndDate is { } end && end <= now) return false;

        var t = campaign.Targeting;
        if (t.LeadSources.Count > 0 && !t.LeadSources.Contains(lead.Source)) return false;
        if (t.Intent.Count > 0 && (lead.Intent is null || !t.Intent.Contains(lead.Intent.Value))) return false;
        var geo = t.Geography;
        if (geo.States.Count > 0 && (lead.State is null || !geo.States.Contains(lead.State, StringComparer.OrdinalIgnoreCase))) return false;
        if (geo.Cities.Count > 0 && (lead.City is null || !geo.Cities.Any(c => string.Equals(c.Trim(), lead.City, StringComparison.OrdinalIgnoreCase)))) return false;
        if (geo.ZipCodes.Count > 0 && (lead.ZipCode is null || !geo.ZipCodes.Contains(Zip5(lead.ZipCode), StringComparer.Ordinal))) return false;

        var q = t.Qualification;
        if (q.PropertyTypes.Count > 0 && lead.PropertyType is { } type && !q.PropertyTypes.Contains(type)) return false;
        if (q.MaxPrice is { } maxPrice && lead.Price is { } price && price > maxPrice) return false;
        if (q.MinScore is { } minScore && lead.Score < minScore) return false;
        return true;
    }

    /// <summary>
    /// How narrowly a campaign targets: ZIP codes 8, cities 4, states 2, then one point each for sources,
    /// intent, property types, a price cap and a minimum score. Narrower geography always outranks the rest.
    /// </summary>
    public static int Specificity(CampaignTargeting targeting)
    {
        ArgumentNullException.ThrowIfNull(targeting);
        var geo = targeting.Geography;
        var q = targeting.Qualification;
        return (geo.ZipCodes.Count > 0 ? 8 : 0) + (geo.Cities.Count > 0 ? 4 : 0) + (geo.States.Count > 0 ? 2 : 0)
            + (targeting.LeadSources.Count > 0 ? 1 : 0) + (targeting.Intent.Count > 0 ? 1 : 0)
            + (q.PropertyTypes.Count > 0 ? 1 : 0) + (q.MaxPrice is not null ? 1 : 0) + (q.MinScore is not null ? 1 : 0);
    }

    private static string Zip5(string zip) => zip.Length > 5 ? zip[..5] : zip;
}
