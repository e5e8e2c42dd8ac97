using System.Net;
using System.Net.Http.Json;

namespace NextLevel.Api.Tests.Identity;

public class SignInRateLimitTests(StrictSignInFixture api) : IClassFixture<StrictSignInFixture>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429()
    {
        var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/auth/token", new { email = "guess@example.com", password = "guess " + i })).StatusCode);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
