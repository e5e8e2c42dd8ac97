using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using static NextLevel.Api.Tests.Intake.IntakePayloads;

namespace NextLevel.Api.Tests.Intake;

public class CsvImportTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task<JsonObject> WaitForAsync(HttpClient client, Uri location)
    {
        for (var i = 0; i < 200; i++)
        {
            var status = await client.GetFromJsonAsync<JsonObject>(location);
            if (status!["state"]!.ToString() is "completed" or "failed") return status;
            await Task.Delay(50);
        }
        throw new TimeoutException("The import did not finish.");
    }

    [Fact]
    public async Task Good_rows_are_created_bad_rows_reported_and_a_second_import_creates_nothing()
    {
        var (a, b) = (NewPhoneDigits(), NewPhoneDigits());
        var tag = Unique("batch")[..20].ToLowerInvariant();
        var csv = new StringBuilder()
            .AppendLine("externalId,firstName,lastName,phone,email,street,city,state,zipCode,intent,tags")
            .AppendLine($"{tag}-1,Ann,One,{a},ann@example.com,1 Main St,Austin,TX,78701,seller,{tag}")
            .AppendLine($"{tag}-2,Bob,Two,not-a-phone,bob@example.com,2 Main St,Austin,TX,78701,seller,{tag}")
            .AppendLine($",\"Cy, Jr\",Three,{b},,3 Main St,Austin,tx,78701,seller,{tag}")
            .AppendLine($"{tag}-4,Di,Four,{NewPhoneDigits()},,4 Main St,Austin,TX,78701,pirate,{tag}")
            .ToString();
        var client = fixture.CreateStaffClient("campaign_manager");

        var response = await client.PostAsync("/api/leads/import", Csv(csv));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await WaitForAsync(client, response.Headers.Location!);
        Assert.Equal("completed", status["state"]!.ToString());
        Assert.Equal(2, status["created"]!.GetValue<int>());
        Assert.Equal(2, status["failed"]!.GetValue<int>());
        Assert.Equal(1.0, status["progress"]!.GetValue<double>());
        var errors = status["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["field"]!.ToString())).ToList();
        Assert.Contains((3, "phone"), errors);
        Assert.Contains((5, "intent"), errors);
        var stored = await fixture.Database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.Tags.Contains(tag)).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, l => Assert.Equal("TX", l.Contact.Address!.State));
        Assert.Contains(stored, l => l.Contact.FirstName == "Cy, Jr");

        var again = await WaitForAsync(client, (await client.PostAsync("/api/leads/import", Csv(csv))).Headers.Location!);
        Assert.Equal(0, again["created"]!.GetValue<int>());
        Assert.Equal(2, again["duplicates"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_columns_are_refused_before_anything_is_imported()
    {
        var before = await fixture.CountsAsync();
        var response = await fixture.CreateStaffClient("admin").PostAsync("/api/leads/import", Csv($"phone,shoeSize\n{NewPhoneDigits()},42\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task Importing_needs_a_manager()
    {
        var response = await fixture.CreateStaffClient("closer").PostAsync("/api/leads/import", Csv($"phone\n{NewPhoneDigits()}\n"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_import_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.CreateStaffClient("admin").GetAsync("/api/leads/import/000000000000000000000000")).StatusCode);
}
