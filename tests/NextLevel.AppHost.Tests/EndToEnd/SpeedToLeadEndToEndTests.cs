using System.Diagnostics;
using System.Net;
using System.Text;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Demo;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.AppHost.Tests.EndToEnd;

/// <summary>
/// The whole local system on a fresh database, as a developer runs it: the Api imported the labelled demo national
/// DNC copy at start, and a lead with written consent posted through the Google Ads webhook inside the callee's
/// calling hours gets its first simulated call within seconds, whose provider reports then come back through the
/// Api's webhooks. When no test zone is inside 08:00–21:00 at the moment the test runs, the lead must instead be held,
/// uncalled, until its window opens.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class SpeedToLeadEndToEndTests(RunningSystemFixture system)
{
    private static readonly TimeSpan FirstCallWithin = TimeSpan.FromSeconds(10);

    private const string ConsentText = "I agree to receive calls and texts from Next Level Real Estate about my property at the number I gave, including by automated and AI voice. Consent is not a condition of purchase.";

    private static readonly (string AreaCode, string State, string Zone)[] Places =
    [
        ("212", "NY", "America/New_York"), ("312", "IL", "America/Chicago"), ("303", "CO", "America/Denver"),
        ("415", "CA", "America/Los_Angeles"), ("907", "AK", "America/Anchorage"), ("808", "HI", "Pacific/Honolulu"),
        ("671", "GU", "Pacific/Guam"),
    ];

    [Fact]
    public async Task A_new_lead_inside_calling_hours_gets_its_first_simulated_call_within_seconds()
    {
        var mongodb = await system.App.GetResourceAsync("mongodb");
        DomainMongoMappings.Register();
        var url = MongoUrl.Create(mongodb.Endpoints[0]);
        var database = new MongoClient(url).GetDatabase(url.DatabaseName);

        var (imports, _) = await new SystemConfigStore(database, TimeProvider.System).GetAsync(ComplianceSettings.DncImports, CancellationToken.None);
        Assert.NotNull(imports.National);
        Assert.Equal(DemoNationalDncList.ImportedBy, imports.National.ImportedBy);
        Assert.InRange(DateTime.UtcNow - imports.National.ImportedAt, TimeSpan.Zero, TimeSpan.FromMinutes(30));

        // A place whose local time stays inside 08:00–21:00 for the next minutes (margins for the test's own time).
        var open = Places.FirstOrDefault(p => LocalTime(p.Zone).TimeOfDay is var t && t >= TimeSpan.FromHours(8.5) && t < TimeSpan.FromHours(20.5));
        var place = open.Zone is null ? Places[0] : open;
        await database.GetCollection<Campaign>(CollectionNames.Campaigns).InsertOneAsync(AroundTheClock(place.Zone));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the Api's campaign cache (1 s here)

        var externalId = "e2e-speed-" + Guid.NewGuid().ToString("N");
        // Exchange 2xx, as the speed-to-lead bench uses: the intake refuses Guam's 671-7xx as a phone number.
        var phone = $"+1{place.AreaCode}2{Random.Shared.Next(100_000, 999_999)}";
        using var api = await system.App.CreateHttpClientAsync("api");
        var posted = Stopwatch.StartNew();
        using (var response = await api.PostAsync("/webhooks/leads/google-ads", new StringContent(Payload(externalId, phone, place.State), Encoding.UTF8, "application/json")))
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{place.Zone}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var lead = await database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.ExternalId == externalId).SingleAsync();
        Assert.NotNull(lead.CampaignId);
        Assert.True(lead.Consent.HasWrittenConsent);
        var calls = database.GetCollection<Call>(CollectionNames.Calls);

        if (open.Zone is null)
        {
            // Outside every test zone's legal window now: the Worker must hold the lead, never call it.
            var held = await EventuallyAsync(async () =>
            {
                var current = await database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.Id == lead.Id).SingleAsync();
                return current.FollowUp.LastHold is { } hold && hold.Reasons.Contains(ComplianceReasonCodes.OutsideCallingHours) ? current : null;
            }, FirstCallWithin + TimeSpan.FromSeconds(20));
            Assert.True(held.NextFollowUp > DateTime.UtcNow);
            Assert.Equal(0, await calls.CountDocumentsAsync(c => c.LeadId == lead.Id));
            return;
        }

        var call = await EventuallyAsync(async () => (Call?)await calls.Find(c => c.LeadId == lead.Id).FirstOrDefaultAsync(), FirstCallWithin);
        Assert.True(posted.Elapsed < FirstCallWithin, $"first call after {posted.Elapsed.TotalSeconds:F1} s");
        // The attempt is on the lead with the compliance decision that allowed it.
        var attempt = await EventuallyAsync(async () =>
        {
            var current = await database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.Id == lead.Id).SingleAsync();
            return current.ContactAttempts.FirstOrDefault(a => a.CallId == call.Id);
        }, TimeSpan.FromSeconds(5));
        Assert.Equal(ContactMethod.AutomatedCall, attempt.Type);
        Assert.NotNull(attempt.Compliance);

        // The simulator reports the call's progress to the Api's Twilio webhook, signed: the status moves on.
        var reported = await EventuallyAsync(async () =>
        {
            var current = await calls.Find(c => c.Id == call.Id).SingleAsync();
            return current.Status != CallStatus.Initiated ? current : null;
        }, TimeSpan.FromSeconds(30));
        Assert.NotEqual(CallStatus.Initiated, reported.Status);

        // Ops see the worker's follow-up as one trace on the AppHost: the step for this lead and its provider hand-off.
        var leadId = lead.Id.ToString();
        var step = await EventuallyAsync(async () =>
        {
            var traces = await system.App.GetJsonAsync("api/traces?resource=worker&limit=1000");
            foreach (var summary in traces.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("rootName").GetString() == "followup.step"))
            {
                var trace = await system.App.GetJsonAsync($"api/traces/{summary.GetProperty("traceId").GetString()}");
                var spans = trace.GetProperty("spans").EnumerateArray().ToArray();
                if (spans.Any(s => s.GetProperty("name").GetString() == "followup.step" && HasAttribute(s, "nextlevel.lead_id", leadId)))
                    return new StepTrace(spans.Select(s => (s.GetProperty("resource").GetString()!, s.GetProperty("name").GetString()!)).ToArray());
            }
            return null;
        }, TimeSpan.FromSeconds(30));
        Assert.Contains(("worker", "provider.send"), step.Spans);
    }

    private sealed record StepTrace((string Resource, string Name)[] Spans);

    private static bool HasAttribute(System.Text.Json.JsonElement span, string key, string value) =>
        span.GetProperty("attributes").EnumerateArray().Any(a => a.GetProperty("key").GetString() == key && a.GetProperty("value").GetString() == value);

    private static DateTimeOffset LocalTime(string zone) => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone));

    private static Campaign AroundTheClock(string zone)
    {
        var always = new DailyWindow { Start = "00:00", End = "23:59" };
        return new Campaign
        {
            Name = "E2E speed to lead",
            Type = CampaignType.Wholesale,
            Status = CampaignStatus.Active,
            Workflow = new CampaignWorkflow { InitialContact = new InitialContact { Timing = "within_5_minutes", MaxAttempts = 3, RetryDelay = 3600 } },
            Schedule = new CampaignSchedule
            {
                StartDate = DateTime.UtcNow.AddDays(-1),
                CallingHours = new CallingHours { Timezone = zone, Monday = always, Tuesday = always, Wednesday = always, Thursday = always, Friday = always, Saturday = always, Sunday = always },
            },
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
    }

    private static string Payload(string leadId, string phone, string state) =>
        $"{{\"lead_id\":\"{leadId}\",\"api_version\":\"1.0\",\"form_id\":1234,\"campaign_id\":1,\"user_column_data\":[" +
        $"{{\"column_name\":\"Full Name\",\"string_value\":\"Speedy Tester\",\"column_id\":\"FULL_NAME\"}}," +
        $"{{\"column_name\":\"User Phone\",\"string_value\":\"{phone}\",\"column_id\":\"PHONE_NUMBER\"}}," +
        $"{{\"column_name\":\"State\",\"string_value\":\"{state}\",\"column_id\":\"REGION\"}}," +
        $"{{\"column_name\":\"{ConsentText}\",\"string_value\":\"yes\",\"column_id\":\"TCPA_CONSENT\"}}]," +
        $"\"google_key\":\"{RunningSystemFixture.GoogleAdsKey}\",\"is_test\":false}}";

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value) return value;
            if (deadline.Elapsed > timeout) throw new TimeoutException($"not within {timeout.TotalSeconds:F0} s");
            await Task.Delay(100);
        }
    }
}
