using System.Net;

namespace NextLevel.Api.Tests.Identity;

/// <summary>Moves the fixture's clock, so it has a fixture of its own.</summary>
public class TokenLifetimeTests(RealSignInFixture api) : IClassFixture<RealSignInFixture>
{
    [Fact]
    public async Task A_token_expires_after_eight_hours()
    {
        var user = await IdentityTestData.CreateUserAsync(api, NextLevel.Api.Identity.StaffRoles.Closer);
        var token = await IdentityTestData.SignInAsync(api, user.Email);
        var client = IdentityTestData.WithToken(api, token);

        api.Clock.Advance(TimeSpan.FromHours(7));
        var within = await client.GetAsync("/api/auth/me");
        api.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var after = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
