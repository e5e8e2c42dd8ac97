using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Contacts;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using static NextLevel.Api.Tests.Intake.IntakePayloads;

namespace NextLevel.Api.Tests.Intake;

/// <summary>Real Geeks' "updated" and "activity_added" deliveries for a lead we already have are merged into it.</summary>
public class RealGeeksUpdateTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IMongoCollection<Lead> Leads => fixture.Database.GetCollection<Lead>(CollectionNames.Leads);

    private Task<HttpResponseMessage> PostAsync(JsonObject body, string? action)
    {
        var json = body.ToJsonString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/leads/realgeeks") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Lead-Router-Signature", IntakeFixture.RealGeeksSignature(json));
        if (action is not null) request.Headers.Add("X-Lead-Router-Action", action);
        return fixture.CreateClient().SendAsync(request);
    }

    private async Task<(string Id, string Digits, Lead Lead)> CreateAsync()
    {
        var id = Guid.NewGuid().ToString();
        var digits = NewPhoneDigits();
        var created = await PostAsync(RealGeeksLead(id, digits, $"{Guid.NewGuid():N}@mail.com"), "created");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var externalId = id.Replace("-", "", StringComparison.Ordinal);
        return (id, digits, await Leads.Find(l => l.Source == LeadSource.RealGeeks && l.ExternalId == externalId).SingleAsync());
    }

    private static JsonObject Update(string id, params (string Key, string Value)[] fields)
    {
        var body = new JsonObject { ["action"] = "updated", ["id"] = id.Replace("-", "", StringComparison.Ordinal), ["partner_id"] = "p", ["site_uuid"] = "s" };
        foreach (var (key, value) in fields) body[key] = value;
        return body;
    }

    private Task<Lead> ReloadAsync(Lead lead) => Leads.Find(l => l.Id == lead.Id).SingleAsync();

    [Fact]
    public async Task An_update_changes_only_the_fields_it_carries_and_notes_which()
    {
        var (id, _, before) = await CreateAsync();
        var newEmail = $"{Guid.NewGuid():N}@NEW.example.com";

        var response = await PostAsync(Update(id, ("email", newEmail), ("first_name", "Jackie")), "updated");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(before.Id.ToString(), body!["id"]!.GetValue<string>());
        var after = await ReloadAsync(before);
        Assert.Equal(newEmail.ToLowerInvariant(), after.Contact.Email);
        Assert.Equal("Jackie", after.Contact.FirstName);
        Assert.Equal(before.Contact.LastName, after.Contact.LastName);
        Assert.Equal(before.Contact.Phone, after.Contact.Phone);
        Assert.Equal(before.Contact.Address!.Street, after.Contact.Address!.Street);
        var note = Assert.Single(after.Notes, n => n.AuthorId == "realgeeks" && n.Text.StartsWith("Contact details", StringComparison.Ordinal));
        Assert.Equal("Contact details updated by Real Geeks: firstName, email.", note.Text);
        Assert.Equal(1, await Leads.CountDocumentsAsync(l => l.Source == LeadSource.RealGeeks && l.ExternalId == before.ExternalId));
    }

    [Fact]
    public async Task An_empty_string_unsets_the_field()
    {
        var (id, _, before) = await CreateAsync();
        await PostAsync(Update(id, ("phone2", "1 (206) 555-0188")), "updated");
        Assert.Equal("+12065550188", (await ReloadAsync(before)).Contact.AlternatePhone);

        var response = await PostAsync(Update(id, ("phone2", "")), "updated");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await ReloadAsync(before)).Contact.AlternatePhone);
    }

    [Fact]
    public async Task A_repeated_update_writes_nothing_more()
    {
        var (id, _, before) = await CreateAsync();
        var update = Update(id, ("last_name", "Johnston"));
        await PostAsync(update, "updated");
        var once = await ReloadAsync(before);

        var again = await PostAsync(update, "updated");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var twice = await ReloadAsync(before);
        Assert.Equal(once.Notes.Count, twice.Notes.Count);
        Assert.Equal(once.UpdatedAt, twice.UpdatedAt);
    }

    [Fact]
    public async Task A_new_phone_is_checked_against_the_dnc_lists()
    {
        var (id, _, before) = await CreateAsync();
        var digits = NewPhoneDigits();
        await fixture.Database.GetCollection<DncEntry>(CollectionNames.DncRegistry).InsertOneAsync(
            new DncEntry { Phone = "+1" + digits, Source = DncSource.National, AddedAt = fixture.Clock.GetUtcNow().UtcDateTime.AddDays(-3) });

        var response = await PostAsync(Update(id, ("phone", digits)), "updated");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await ReloadAsync(before);
        Assert.Equal("+1" + digits, after.Contact.Phone);
        Assert.True(after.DncStatus.OnNationalRegistry);
        var contact = await fixture.Database.GetCollection<Contact>(CollectionNames.Contacts).Find(c => c.Id == after.ContactId).SingleAsync();
        // Same person (matched by the unchanged e-mail): the lead stays on its contact.
        Assert.Contains(after.Id, contact.LeadIds);
        Assert.Equal(after.Contact.Email, contact.Email);
    }

    [Fact]
    public async Task An_invalid_update_is_refused_with_field_errors_and_writes_nothing()
    {
        var (id, _, before) = await CreateAsync();

        var badPhone = await PostAsync(Update(id, ("phone", "12"), ("first_name", "Changed")), "updated");
        var noWayToReach = await PostAsync(Update(id, ("phone", ""), ("email", "")), "updated");

        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Contains("\"phone\"", await badPhone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noWayToReach.StatusCode);
        var after = await ReloadAsync(before);
        Assert.Equal(before.Contact.FirstName, after.Contact.FirstName);
        Assert.Equal(before.Contact.Phone, after.Contact.Phone);
        Assert.Equal(before.Notes.Count, after.Notes.Count);
    }

    [Fact]
    public async Task Added_activities_become_notes_once()
    {
        var (id, _, before) = await CreateAsync();
        var delivery = new JsonObject
        {
            ["action"] = "activity_added",
            ["id"] = id,
            ["activities"] = new JsonArray(
                new JsonObject { ["type"] = "property_viewed", ["source"] = "Website", ["description"] = "Viewed 12 Palm Way", ["created"] = "2016-12-24T01:58:52.789337607Z" },
                new JsonObject { ["type"] = "note", ["description"] = "Asked about a cash offer" }),
        };

        var first = await PostAsync(delivery, null);
        var second = await PostAsync(delivery, "activity_added");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var notes = (await ReloadAsync(before)).Notes.Where(n => n.AuthorId == "realgeeks").ToList();
        Assert.Equal(2, notes.Count);
        var viewed = Assert.Single(notes, n => n.Text == "Real Geeks activity (property_viewed, Website): Viewed 12 Palm Way");
        Assert.Equal(new DateTime(2016, 12, 24, 1, 58, 52, 789, DateTimeKind.Utc), viewed.At);
        Assert.Contains(notes, n => n.Text == "Real Geeks activity (note): Asked about a cash offer");
    }

    [Fact]
    public async Task An_update_for_a_lead_never_seen_creates_it()
    {
        var id = Guid.NewGuid().ToString();
        var lead = RealGeeksLead(id, NewPhoneDigits(), $"{Guid.NewGuid():N}@mail.com");
        lead["action"] = "updated";

        var response = await PostAsync(lead, "updated");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Concurrent_updates_of_different_fields_both_survive()
    {
        var (id, _, before) = await CreateAsync();

        await Task.WhenAll(
            PostAsync(Update(id, ("first_name", "Jacqueline")), "updated"),
            PostAsync(Update(id, ("city", "Orlando")), "updated"));

        var after = await ReloadAsync(before);
        Assert.Equal("Jacqueline", after.Contact.FirstName);
        Assert.Equal("Orlando", after.Contact.Address!.City);
    }
}
