using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Leads;
using static NextLevel.Api.Tests.Closers.ClosersData;

namespace NextLevel.Api.Tests.Closers;

public sealed class SiteVisitApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static string Visit(string startsAt, int minutes = 60, string? closerId = null) =>
        JsonSerializer.Serialize(new { startsAt, durationMinutes = minutes, closerId, notes = "Bring comps" });

    [Fact]
    public async Task Booking_a_visit_stores_it_holds_the_closers_slot_and_moves_the_lead_to_site_visit()
    {
        var closer = await CloserAsync(api);
        var property = await PropertyAsync(api);
        var lead = await LeadAsync(api, property);

        var response = await Client(api, closer).PostAsync($"/api/leads/{lead.Id}/appointments", Json(Visit("2026-03-04T18:00:00Z", 90)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var visit = await ReadAsync(response);
        Assert.Equal("2026-03-04T19:30:00Z", visit.GetProperty("endsAt").GetDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        Assert.Equal(property.Address.Formatted, visit.GetProperty("address").GetString());
        Assert.Equal("Ann Lee", visit.GetProperty("sellerName").GetString());
        var stored = await ReloadAsync(api, lead.Id);
        Assert.Equal(LeadStage.SiteVisit, stored.Stage);
        Assert.Single(stored.Appointments);
        var user = await api.Database.GetCollection<BsonDocument>("staff_users").Find(new BsonDocument("_id", ObjectId.Parse(closer))).FirstAsync();
        Assert.Single(user["closer"]["bookedVisits"].AsBsonArray);
        var staff = api.Services.GetRequiredService<NextLevel.Api.Identity.StaffUserStore>();
        Assert.Equal("Casey Closer", (await staff.FindAsync(ObjectId.Parse(closer), default))!.DisplayName); // the sign-in document still reads
    }

    [Fact]
    public async Task An_overlapping_visit_of_the_same_closer_is_refused_and_nothing_is_written()
    {
        var closer = await CloserAsync(api);
        var first = await LeadAsync(api, await PropertyAsync(api));
        var second = await LeadAsync(api, await PropertyAsync(api));
        var client = Client(api, closer);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/leads/{first.Id}/appointments", Json(Visit("2026-03-04T18:00:00Z")))).StatusCode);

        var overlapping = await client.PostAsync($"/api/leads/{second.Id}/appointments", Json(Visit("2026-03-04T18:30:00Z")));
        var touching = await client.PostAsync($"/api/leads/{second.Id}/appointments", Json(Visit("2026-03-04T19:00:00Z")));

        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
        Assert.Contains("overlaps", (await ReadAsync(overlapping)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, touching.StatusCode);
        Assert.Single((await ReloadAsync(api, second.Id)).Appointments);
    }

    [Fact]
    public async Task Of_concurrent_bookings_of_overlapping_slots_exactly_one_wins()
    {
        var closer = await CloserAsync(api);
        var leads = new List<Lead>();
        for (var i = 0; i < 6; i++) leads.Add(await LeadAsync(api, await PropertyAsync(api)));

        var responses = await Task.WhenAll(leads.Select((lead, i) =>
            Client(api, closer).PostAsync($"/api/leads/{lead.Id}/appointments", Json(Visit($"2026-03-05T18:{i * 5:00}:00Z")))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var stored = await Task.WhenAll(leads.Select(l => ReloadAsync(api, l.Id)));
        Assert.Equal(1, stored.Sum(l => l.Appointments.Count));
    }

    [Fact]
    public async Task The_calendar_feed_parses_back_with_one_event_per_visit_and_a_wrong_secret_is_404()
    {
        var closer = await CloserAsync(api);
        var property = await PropertyAsync(api);
        var lead = await LeadAsync(api, property);
        var client = Client(api, closer);
        var visit = await ReadAsync(await client.PostAsync($"/api/leads/{lead.Id}/appointments", Json(Visit("2026-03-06T17:00:00Z", 45))));
        var cancelled = await ReadAsync(await client.PostAsync($"/api/leads/{lead.Id}/appointments", Json(Visit("2026-03-07T17:00:00Z"))));
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/api/appointments/{cancelled.GetProperty("id").GetString()}", Json("""{"status":"cancelled"}"""))).StatusCode);

        var link = (await client.GetFromJsonAsync<JsonElement>("/api/me/calendar-feed")).GetProperty("url").GetString()!;
        var again = (await client.GetFromJsonAsync<JsonElement>("/api/me/calendar-feed")).GetProperty("url").GetString();
        var anonymous = api.CreateClient();
        var feed = await anonymous.GetAsync(new Uri(link).PathAndQuery);

        Assert.Equal(link, again);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var text = await feed.Content.ReadAsStringAsync();
        Assert.Contains("DTSTART:20260306T170000Z", text);
        var calendar = Calendar.Load(text)!;
        Assert.Equal(2, calendar.Events.Count);
        var booked = calendar.Events.Single(e => e.Uid == $"{visit.GetProperty("id").GetString()}@nextlevel");
        Assert.Equal(new DateTime(2026, 3, 6, 17, 0, 0, DateTimeKind.Utc), booked.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 3, 6, 17, 45, 0, DateTimeKind.Utc), booked.DtEnd!.AsUtc);
        Assert.Equal($"Site visit: {property.Address.Formatted.Split(',')[0]}", booked.Summary);
        Assert.Equal(property.Address.Formatted, booked.Location);
        Assert.Equal("CONFIRMED", booked.Status);
        Assert.Equal("CANCELLED", calendar.Events.Single(e => e.Uid != booked.Uid).Status);

        var wrong = await anonymous.GetAsync($"/calendar/{closer}/not-the-secret.ics");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        var rotated = (await ReadAsync(await client.PostAsync("/api/me/calendar-feed/rotate", null))).GetProperty("url").GetString()!;
        Assert.NotEqual(link, rotated);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(rotated).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task A_cancelled_visit_frees_the_slot_and_my_day_lists_todays_visits_in_my_zone()
    {
        var closer = await CloserAsync(api);
        var client = Client(api, closer);
        var lead = await LeadAsync(api, await PropertyAsync(api));
        // Monday 2 March, 15:00 in Los Angeles = 23:00 UTC.
        var visit = await ReadAsync(await client.PostAsync($"/api/leads/{lead.Id}/appointments", Json(Visit("2026-03-02T23:00:00Z"))));
        var other = await LeadAsync(api, await PropertyAsync(api));

        var day = await client.GetFromJsonAsync<JsonElement>("/api/me/day");
        Assert.Equal("America/Los_Angeles", day.GetProperty("timeZone").GetString());
        Assert.Equal([visit.GetProperty("id").GetString()], day.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("id").GetString()));

        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/leads/{other.Id}/appointments", Json(Visit("2026-03-02T23:30:00Z")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/api/appointments/{visit.GetProperty("id").GetString()}", Json("""{"status":"cancelled"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PatchAsync($"/api/appointments/{visit.GetProperty("id").GetString()}", Json("""{"status":"completed"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/leads/{other.Id}/appointments", Json(Visit("2026-03-02T23:30:00Z")))).StatusCode);
    }

    [Fact]
    public async Task Bad_visit_requests_are_field_errors()
    {
        var closer = await CloserAsync(api);
        var lead = await LeadAsync(api);
        var client = Client(api, closer);

        var past = await client.PostAsync($"/api/leads/{lead.Id}/appointments", Json(Visit("2026-03-01T18:00:00Z")));
        var tooLong = await client.PostAsync($"/api/leads/{lead.Id}/appointments", Json(Visit("2026-03-04T18:00:00Z", 2000)));
        var injected = await client.PostAsync($"/api/leads/{lead.Id}/appointments", Json("""{"startsAt":{"$gt":""}}"""));

        Assert.All([past, tooLong, injected], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Empty((await ReloadAsync(api, lead.Id)).Appointments);
    }
}
