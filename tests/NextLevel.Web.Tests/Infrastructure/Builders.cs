using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.Tests.Infrastructure;

public static class Builders
{
    public static LeadSummary LeadRow(int n, string status = "new") => new(
        $"lead{n:D4}", "zillow", $"Z-{n}", new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddMinutes(-n), $"First{n}", $"Last{n}",
        $"p{n}@example.com", $"+1555000{n:D4}", "Seattle", "WA", status, "new", 0.5, false, null, null, [], null, null);

    public static Lead Lead(string id = "lead0001") => new(
        id, "zillow", "Z-1", new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        new LeadContact("Dana", "Seller", "dana@example.com", "+15551230001", null, new Address("1 Elm St", "Seattle", "WA", "98101")),
        "prop1", "1 Elm St, Seattle, WA 98101",
        new Qualification(0.82, true, null, new QualificationCriteria(true, true, false, true), 350000, 0.25, "high"),
        null, null, [], null, null,
        new LeadConsent(true, "web_form", new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), "zillow_lead_form", "I agree", null, true, true),
        new DncStatus(false, false, null, null), "contacted", "contacted", ["motivated_seller"],
        [new LeadNote(new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero), "Casey Closer", "Call back after 5pm")], null, null);
}
