namespace NextLevel.Api.Seeding;

/// <summary>Markets the demo data is spread over: each city with its zip prefix, area codes and time zone,
/// so phones, addresses and calling windows agree with each other.</summary>
internal sealed record DemoMarket(string City, string State, string County, string ZipPrefix, string[] AreaCodes, string TimeZone)
{
    public static readonly DemoMarket[] All =
    [
        new("Seattle", "WA", "King", "981", ["206", "425"], "America/Los_Angeles"),
        new("Tacoma", "WA", "Pierce", "984", ["253"], "America/Los_Angeles"),
        new("Portland", "OR", "Multnomah", "972", ["503", "971"], "America/Los_Angeles"),
        new("Phoenix", "AZ", "Maricopa", "850", ["602", "480"], "America/Phoenix"),
        new("Dallas", "TX", "Dallas", "752", ["214", "469"], "America/Chicago"),
        new("Houston", "TX", "Harris", "770", ["713", "832"], "America/Chicago"),
        new("Tampa", "FL", "Hillsborough", "336", ["813"], "America/New_York"),
        new("Orlando", "FL", "Orange", "328", ["407"], "America/New_York"),
        new("Atlanta", "GA", "Fulton", "303", ["404", "678"], "America/New_York"),
        new("Columbus", "OH", "Franklin", "432", ["614"], "America/New_York"),
    ];
}
