using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using static NextLevel.Api.Tests.Intake.IntakePayloads;

namespace NextLevel.Api.Tests.Intake;

/// <summary>Malformed, hostile or unauthenticated deliveries: a 4xx ProblemDetails and nothing written.</summary>
public class HostileIntakeTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    public static TheoryData<string, string, string> BadGoogleBodies => new()
    {
        { "malformed JSON", "/webhooks/leads/google-ads", "{\"lead_id\": \"x\", " },
        { "not an object", "/webhooks/leads/google-ads", "[1,2,3]" },
        { "operator injection in lead_id", "/webhooks/leads/google-ads", $"{{\"lead_id\": {{\"$gt\": \"\"}}, \"google_key\": \"{IntakeFixture.GoogleKey}\"}}" },
        { "wrong type for form_id", "/webhooks/leads/google-ads", $"{{\"lead_id\": \"a\", \"form_id\": \"abc\", \"google_key\": \"{IntakeFixture.GoogleKey}\"}}" },
        { "operator injection in a column value", "/webhooks/leads/google-ads", $"{{\"lead_id\": \"b\", \"google_key\": \"{IntakeFixture.GoogleKey}\", \"user_column_data\": [{{\"column_id\": \"PHONE_NUMBER\", \"string_value\": {{\"$ne\": null}}}}]}}" },
        { "missing lead_id", "/webhooks/leads/google-ads", $"{{\"google_key\": \"{IntakeFixture.GoogleKey}\", \"user_column_data\": []}}" },
        { "no phone and no email", "/webhooks/leads/google-ads", $"{{\"lead_id\": \"c\", \"google_key\": \"{IntakeFixture.GoogleKey}\", \"user_column_data\": [{{\"column_id\": \"FULL_NAME\", \"string_value\": \"A B\"}}]}}" },
        { "invalid phone", "/webhooks/leads/google-ads", $"{{\"lead_id\": \"d\", \"google_key\": \"{IntakeFixture.GoogleKey}\", \"user_column_data\": [{{\"column_id\": \"PHONE_NUMBER\", \"string_value\": \"+11234567890\"}}]}}" },
        { "invalid email", "/webhooks/leads/google-ads", $"{{\"lead_id\": \"e\", \"google_key\": \"{IntakeFixture.GoogleKey}\", \"user_column_data\": [{{\"column_id\": \"EMAIL\", \"string_value\": \"nobody@\"}}]}}" },
        { "canonical: unknown field", "/api/leads", "{\"phone\": \"2065550199\", \"favouriteColour\": \"blue\"}" },
        { "canonical: operator injection", "/api/leads", "{\"phone\": {\"$gt\": \"\"}}" },
        { "canonical: wrong type", "/api/leads", "{\"phone\": 2065550199}" },
        { "canonical: unknown enum", "/api/leads", "{\"phone\": \"2065550199\", \"source\": \"facebook\"}" },
        { "canonical: consent without text", "/api/leads", "{\"phone\": \"2065550199\", \"consent\": {\"automatedCallsAllowed\": true}}" },
        { "canonical: bad state", "/api/leads", "{\"phone\": \"2065550199\", \"address\": {\"street\": \"1 A St\", \"city\": \"X\", \"state\": \"ZZ\"}}" },
    };

    [Theory]
    [MemberData(nameof(BadGoogleBodies))]
    public async Task Bad_input_is_a_400_validation_problem_and_writes_nothing(string because, string url, string body)
    {
        var before = await fixture.CountsAsync();
        var client = url.StartsWith("/api", StringComparison.Ordinal) ? fixture.CreateStaffClient("closer") : fixture.CreateClient();

        var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, because);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]);
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task A_wrong_google_key_is_401_and_writes_nothing()
    {
        var before = await fixture.CountsAsync();
        var response = await fixture.CreateClient().PostAsJsonAsync("/webhooks/leads/google-ads", GoogleLead(Unique("g"), NewPhoneDigits(), key: "guess"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task A_missing_google_key_is_401()
    {
        var payload = GoogleLead(Unique("g"), NewPhoneDigits());
        payload.Remove("google_key");
        var response = await fixture.CreateClient().PostAsJsonAsync("/webhooks/leads/google-ads", payload);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_real_geeks_signature_is_401_and_writes_nothing()
    {
        var before = await fixture.CountsAsync();
        var body = RealGeeksLead(Unique("rg"), NewPhoneDigits(), "a@example.com").ToJsonString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/leads/realgeeks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Lead-Router-Signature", IntakeFixture.RealGeeksSignature(body + " "));
        var response = await fixture.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task A_wrong_zillow_secret_is_401_and_writes_nothing()
    {
        var before = await fixture.CountsAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/leads/zillow")
        {
            Content = new StringContent(ZillowForm("p1", NewPhoneDigits(), "z@example.com"), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Zillow-Secret", "nope");
        var response = await fixture.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task An_oversized_body_is_413_and_writes_nothing()
    {
        var before = await fixture.CountsAsync();
        var payload = GoogleLead(Unique("g"), NewPhoneDigits(), extra: ("CUSTOM", "Padding", new string('x', 1_100_000)));
        var response = await fixture.CreateClient().PostAsync("/webhooks/leads/google-ads", new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task An_unknown_source_is_404()
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/webhooks/leads/facebook", new { lead_id = "x" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_staff_form_refuses_anonymous_callers()
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/leads", new { phone = "2065550199" });
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }
}
