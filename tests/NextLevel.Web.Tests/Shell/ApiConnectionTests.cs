using System.Net;
using System.Security.Claims;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components.Authorization;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Auth;

namespace NextLevel.Web.Tests.Shell;

public sealed class ApiConnectionTests : BunitContext
{
    private readonly StubHandler _handler = new();

    private ApiConnection Connection(DateTimeOffset expiresAt)
    {
        var token = new TokenResponse("secret-token", "Bearer", expiresAt, new StaffUser("u1", "a@example.com", "A", ["closer"]));
        var principal = StaffSession.ToPrincipal(token, "test");
        return new ApiConnection(new StubFactory(_handler), new FixedAuthentication(principal), Services.GetRequiredService<NavigationManager>(), TimeProvider.System);
    }

    [Fact]
    public async Task Requests_carry_the_signed_in_user_token()
    {
        _handler.Status = HttpStatusCode.OK;
        _handler.Body = """{"allowed":true,"reasons":[],"at":"2026-03-02T17:00:00Z","recordingDisclosureRequired":false}""";

        var answer = await Connection(DateTimeOffset.UtcNow.AddHours(1)).GetAsync<CanContactAnswer>("/api/x", CancellationToken.None);

        Assert.True(answer.Allowed);
        Assert.Equal("Bearer secret-token", _handler.Authorization);
    }

    [Fact]
    public async Task A_401_ends_the_session_and_sends_the_user_to_sign_in_saying_it_expired()
    {
        _handler.Status = HttpStatusCode.Unauthorized;
        var navigation = Services.GetRequiredService<BunitNavigationManager>();

        await Assert.ThrowsAsync<SessionExpiredException>(() => Connection(DateTimeOffset.UtcNow.AddHours(1)).GetAsync<object>("/api/x", CancellationToken.None));

        Assert.EndsWith(AccountPaths.Expired, navigation.Uri);
    }

    [Fact]
    public async Task An_expired_token_is_not_even_sent()
    {
        await Assert.ThrowsAsync<SessionExpiredException>(() => Connection(DateTimeOffset.UtcNow.AddMinutes(-1)).GetAsync<object>("/api/x", CancellationToken.None));

        Assert.Null(_handler.Authorization);
    }

    [Fact]
    public async Task Validation_problems_carry_the_field_messages_for_the_user()
    {
        _handler.Status = HttpStatusCode.BadRequest;
        _handler.Body = """{"title":"One or more validation errors occurred.","errors":{"stage":["A lost lead cannot go to site_visit."]}}""";

        var problem = await Assert.ThrowsAsync<ApiProblemException>(() => Connection(DateTimeOffset.UtcNow.AddHours(1)).GetAsync<object>("/api/x", CancellationToken.None));

        Assert.Contains("A lost lead cannot go to site_visit.", problem.UserMessage);
    }

    [Fact]
    public async Task An_Api_that_does_not_answer_in_time_is_an_error_pages_show_with_a_retry()
    {
        _handler.Timeout = true;

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Connection(DateTimeOffset.UtcNow.AddHours(1)).GetAsync<object>("/api/x", CancellationToken.None));

        Assert.Contains("did not answer in time", error.Message);
    }

    private sealed class StubHandler : HttpMessageHandler
    {
        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;
        public string Body { get; set; } = "{}";
        public string? Authorization { get; private set; }
        /// <summary>Fail as the standard resilience handler does when its attempt or total timeout passes.</summary>
        public bool Timeout { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Timeout) throw new Polly.Timeout.TimeoutRejectedException();
            Authorization = request.Headers.Authorization?.ToString();
            return Task.FromResult(new HttpResponseMessage(Status) { Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json") });
        }
    }

    private sealed class StubFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { BaseAddress = new Uri("http://api.test") };
    }

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
