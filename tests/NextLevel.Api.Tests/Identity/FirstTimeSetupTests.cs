using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Identity;

namespace NextLevel.Api.Tests.Identity;

public class FirstTimeSetupTests(RealSignInFixture api) : IClassFixture<RealSignInFixture>
{
    [Fact]
    public async Task The_setup_token_creates_the_first_admin_once_and_is_then_void()
    {
        var token = api.Services.GetRequiredService<FirstAdminSetup>().Token;
        Assert.NotNull(token);
        var client = api.CreateClient();

        var wrong = await client.PostAsJsonAsync("/api/auth/setup", new { token = "not-the-token", email = "owner@example.com", displayName = "Owner", password = "a long enough password" });
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(0, await api.Database.GetCollection<BsonDocument>(StaffUserStore.CollectionName).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));

        var weak = await client.PostAsJsonAsync("/api/auth/setup", new { token, email = "owner@example.com", displayName = "Owner", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("password", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await client.PostAsJsonAsync("/api/auth/setup", new { token, email = "Owner@Example.com", displayName = "Owner", password = "a long enough password" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal("owner@example.com", json.RootElement.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("admin", json.RootElement.GetProperty("user").GetProperty("roles")[0].GetString());

        var again = await client.PostAsJsonAsync("/api/auth/setup", new { token, email = "second@example.com", displayName = "Second", password = "a long enough password" });
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Equal(1, await api.Database.GetCollection<BsonDocument>(StaffUserStore.CollectionName).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
        Assert.Null(api.Services.GetRequiredService<FirstAdminSetup>().Token);

        var signIn = await client.PostAsJsonAsync("/api/auth/token", new { email = "owner@example.com", password = "a long enough password" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }
}
