using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Identity;

namespace NextLevel.Api.Tests.Identity;

public class SignInTests(RealSignInFixture api) : IClassFixture<RealSignInFixture>
{
    [Fact]
    public async Task Sign_in_returns_a_bearer_token_valid_eight_hours_and_the_user()
    {
        var user = await IdentityTestData.CreateUserAsync(api, StaffRoles.Closer);

        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = user.Email.ToUpperInvariant(), password = IdentityTestData.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("Bearer", root.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("accessToken").GetString()));
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime.AddHours(8), root.GetProperty("expiresAt").GetDateTime().ToUniversalTime());
        Assert.Equal(user.Id.ToString(), root.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal(user.Email, root.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("Test User", root.GetProperty("user").GetProperty("displayName").GetString());
        Assert.Equal(["closer"], root.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_401_problem()
    {
        var user = await IdentityTestData.CreateUserAsync(api, StaffRoles.Ops);
        var client = api.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = "not the password" });
        var unknownEmail = await client.PostAsJsonAsync("/api/auth/token", new { email = "nobody@example.com", password = IdentityTestData.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
        var first = await wrongPassword.Content.ReadFromJsonAsync<JsonElement>();
        var second = await unknownEmail.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("title").GetString(), second.GetProperty("title").GetString());
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Operator_injection_in_the_sign_in_body_is_a_400_not_a_match()
    {
        var response = await api.CreateClient().PostAsync("/api/auth/token",
            new StringContent("""{"email":{"$gt":""},"password":{"$gt":""}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Me_answers_the_signed_in_user_and_refuses_without_a_token()
    {
        var user = await IdentityTestData.CreateUserAsync(api, StaffRoles.CampaignManager);
        var token = await IdentityTestData.SignInAsync(api, user.Email);

        var me = await IdentityTestData.WithToken(api, token).GetFromJsonAsync<JsonElement>("/api/auth/me");
        var anonymous = await api.CreateClient().GetAsync("/api/auth/me");

        Assert.Equal(user.Id.ToString(), me.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        var user = await IdentityTestData.CreateUserAsync(api, StaffRoles.Closer);
        var token = await IdentityTestData.SignInAsync(api, user.Email);
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!;
        var forged = new Dictionary<string, object>(payload.Select(p => new KeyValuePair<string, object>(p.Key, p.Value))) { ["role"] = new[] { "admin" } };
        var forgedToken = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(forged)) + "." + parts[2];

        var response = await IdentityTestData.WithToken(api, forgedToken).GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_is_refused_at_sign_in_and_with_an_earlier_token()
    {
        var user = await IdentityTestData.CreateUserAsync(api, StaffRoles.Closer);
        var token = await IdentityTestData.SignInAsync(api, user.Email);
        await api.Database.GetCollection<BsonDocument>(StaffUserStore.CollectionName)
            .UpdateOneAsync(new BsonDocument("_id", user.Id), new BsonDocument("$set", new BsonDocument("disabled", true)));

        var signIn = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = IdentityTestData.Password });
        var me = await IdentityTestData.WithToken(api, token).GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Passwords_are_stored_only_as_salted_hashes()
    {
        var user = await IdentityTestData.CreateUserAsync(api, StaffRoles.Ops);

        var stored = await api.Database.GetCollection<BsonDocument>(StaffUserStore.CollectionName).Find(new BsonDocument("_id", user.Id)).FirstAsync();

        Assert.DoesNotContain(IdentityTestData.Password, stored.ToJson(), StringComparison.Ordinal);
        Assert.NotEqual(stored["passwordHash"], (await IdentityTestData.CreateUserAsync(api, StaffRoles.Ops)).PasswordHash);
    }
}
