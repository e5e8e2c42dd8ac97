using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Identity;

namespace NextLevel.Api.Tests.Identity;

public class UserManagementTests(RealSignInFixture api) : IClassFixture<RealSignInFixture>
{
    private async Task<HttpClient> SignedInAsync(params string[] roles)
    {
        var user = await IdentityTestData.CreateUserAsync(api, roles);
        return IdentityTestData.WithToken(api, await IdentityTestData.SignInAsync(api, user.Email));
    }

    private Task<long> UserCountAsync() => api.Database.GetCollection<BsonDocument>(StaffUserStore.CollectionName).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);

    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_sign_in()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);
        var email = $"new{Guid.NewGuid():N}@example.com";

        var created = await admin.PostAsJsonAsync("/api/users", new { email, displayName = "New Closer", roles = new[] { "closer" }, password = "another long password", timeZone = "America/Denver" });
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/users");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(listed.EnumerateArray(), u => u.GetProperty("email").GetString() == email && u.GetProperty("timeZone").GetString() == "America/Denver");
        Assert.DoesNotContain("passwordHash", listed.GetRawText(), StringComparison.Ordinal);
        await IdentityTestData.SignInAsync(api, email, "another long password");
    }

    [Fact]
    public async Task Non_admins_get_403_and_anonymous_401_on_user_management()
    {
        var closer = await SignedInAsync(StaffRoles.Closer);
        var manager = await SignedInAsync(StaffRoles.CampaignManager);

        Assert.Equal(HttpStatusCode.Forbidden, (await closer.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/users", new { email = "x@example.com", displayName = "X", roles = new[] { "admin" }, password = "a long enough password" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task Invalid_users_get_field_errors_and_nothing_is_written()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);
        var before = await UserCountAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new { email = "not-an-email", displayName = "", roles = new[] { "superuser" }, password = "short", timeZone = "Mars/Olympus" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "email", "displayName", "roles", "password", "timeZone" }) Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task A_second_user_with_the_same_email_is_a_conflict()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);
        var existing = await IdentityTestData.CreateUserAsync(api, StaffRoles.Ops);

        var response = await admin.PostAsJsonAsync("/api/users", new { email = existing.Email.ToUpperInvariant(), displayName = "Dup", roles = new[] { "ops" }, password = "a long enough password" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Role_changes_and_disabling_apply_to_tokens_already_issued()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);
        var user = await IdentityTestData.CreateUserAsync(api, StaffRoles.Closer);
        var userClient = IdentityTestData.WithToken(api, await IdentityTestData.SignInAsync(api, user.Email));
        Assert.Equal(HttpStatusCode.Forbidden, (await userClient.GetAsync("/api/users")).StatusCode);

        var promoted = await admin.PutAsJsonAsync($"/api/users/{user.Id}", new { roles = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await userClient.GetAsync("/api/users")).StatusCode);

        var disabled = await admin.PutAsJsonAsync($"/api/users/{user.Id}", new { disabled = true });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await userClient.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task An_admin_sets_a_password_and_the_old_one_stops_working()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);
        var user = await IdentityTestData.CreateUserAsync(api, StaffRoles.Ops);

        var tooShort = await admin.PostAsJsonAsync($"/api/users/{user.Id}/password", new { password = "short" });
        var set = await admin.PostAsJsonAsync($"/api/users/{user.Id}/password", new { password = "a brand new password" });
        var oldPassword = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = user.Email, password = IdentityTestData.Password });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        await IdentityTestData.SignInAsync(api, user.Email, "a brand new password");
    }

    [Fact]
    public async Task Unknown_users_are_404()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/users/{ObjectId.GenerateNewId()}", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/users/not-an-id", new { disabled = true })).StatusCode);
    }
}
