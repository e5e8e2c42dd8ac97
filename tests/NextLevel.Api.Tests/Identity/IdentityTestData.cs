using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NextLevel.Api.Identity;
using NextLevel.Api.Tests.Infrastructure;

namespace NextLevel.Api.Tests.Identity;

internal static class IdentityTestData
{
    public const string Password = "correct horse battery staple";

    /// <summary>Creates a user straight in the store (no HTTP), unique per call.</summary>
    public static async Task<StaffUser> CreateUserAsync(ApiFixture api, params string[] roles)
    {
        var store = api.Services.GetRequiredService<StaffUserStore>();
        var email = $"user{Guid.NewGuid():N}@example.com";
        return (await store.CreateAsync(email, "Test User", roles, Password, "America/Chicago", CancellationToken.None))!;
    }

    public static async Task<string> SignInAsync(ApiFixture api, string email, string password = Password)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    public static HttpClient WithToken(ApiFixture api, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
