using System.Net;
using NextLevel.AppHost.Tests.Otlp;

namespace NextLevel.AppHost.Tests.Dashboard;

/// <summary>The ops page asks for the run's token; the login URL sets a cookie that opens the page and its API.</summary>
public sealed class DashboardLoginTests : IAsyncLifetime
{
    private InProcessReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await InProcessReceiver.StartAsync(secured: true);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = _receiver.DashboardUrl };

    [Fact]
    public async Task Without_the_token_the_page_redirects_to_login_and_the_api_answers_401()
    {
        using var client = Client();

        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location?.OriginalString);

        foreach (var api in new[] { "api/resources", "api/logs", "api/traces", "api/metrics" })
        {
            using var response = await client.GetAsync(api);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var login = await client.GetAsync("login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("token", await login.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_sets_no_cookie()
    {
        var cookies = new CookieContainer();
        using var client = Client(cookies);

        using var login = await client.GetAsync("login?t=0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Empty(cookies.GetCookies(_receiver.DashboardUrl));
        using var api = await client.GetAsync("api/logs");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task The_login_url_sets_a_cookie_that_opens_the_page_and_the_api()
    {
        using var client = Client();

        using var login = await client.GetAsync($"login?t={_receiver.Token.Token}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var api = await client.GetAsync("api/logs");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task The_otlp_receiver_is_not_behind_the_browser_login()
    {
        using var client = new HttpClient { BaseAddress = _receiver.HttpEndpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/logs") { Content = new ByteArrayContent(OtlpMessages.LogsRequest("api", 1)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-protobuf");
        request.Headers.Add("x-otlp-api-key", _receiver.ApiKey.Value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
