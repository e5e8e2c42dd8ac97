using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Worker.Providers;
using NextLevel.Worker.Providers.DncScrub;
using NextLevel.Worker.Services.Reassigned;
using NextLevel.Worker.Tests.Providers;

namespace NextLevel.Worker.Tests.Reassigned;

/// <summary>The RND Basic client against a loopback server, checked against DNCScrub's documented requests and answers.</summary>
public sealed class DncScrubRndClientTests
{
    private const string ApiKey = "login-id-123";

    private static Dictionary<string, string?> Settings(Uri baseUrl, int? perWindow = null, TimeSpan? window = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Providers:DncScrub:ApiKey"] = ApiKey,
            ["Providers:DncScrub:BaseUrl"] = baseUrl.AbsoluteUri,
        };
        if (perWindow is { } n) settings["Providers:DncScrub:RequestsPerWindow"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (window is { } w) settings["Providers:DncScrub:RateLimitWindow"] = w.ToString();
        return settings;
    }

    private static IReassignedNumbersClient Client(Microsoft.Extensions.Hosting.IHost host) => host.Services.GetRequiredService<IReassignedNumbersClient>();

    [Fact]
    public async Task A_check_is_a_get_of_RNDBasic_with_the_ten_digit_number_the_consent_date_and_the_loginId_header()
    {
        await using var api = await LoopbackHttpServer.StartAsync(new ScriptedResponse(200, """{"PhoneNumber":"7075276405","IsReassigned":false,"HasSafeHarbor":true}"""));
        using var host = ProviderHost.Build(Settings(api.BaseUrl));
        var client = Client(host);
        Assert.IsType<DncScrubRndClient>(client);

        var answer = await client.CheckAsync(new ReassignedQuery("+17075276405", new DateOnly(2021, 11, 9)), default);

        Assert.Equal(ReassignedCheckResult.NotReassigned, answer.Result);
        Assert.Equal(DncScrubRndClient.Provider, answer.Provider);
        Assert.True(answer.HasSafeHarbor);
        Assert.StartsWith("rnd-", answer.RequestId);
        var request = Assert.Single(api.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1.5/Data/RNDBasic?phoneNumber=7075276405&date=20211109", request.Path);
        Assert.Equal(ApiKey, request.Headers["loginId"]);
        Assert.Equal("", request.Body);
    }

    [Theory]
    [InlineData("true", ReassignedCheckResult.Reassigned)]
    [InlineData("1", ReassignedCheckResult.Reassigned)]
    [InlineData("\"1\"", ReassignedCheckResult.Reassigned)]
    [InlineData("false", ReassignedCheckResult.NotReassigned)]
    [InlineData("0", ReassignedCheckResult.NotReassigned)]
    [InlineData("null", ReassignedCheckResult.NoData)]
    [InlineData("\"\"", ReassignedCheckResult.NoData)]
    public async Task The_three_documented_answers_are_read(string isReassigned, ReassignedCheckResult expected)
    {
        await using var api = await LoopbackHttpServer.StartAsync(new ScriptedResponse(200, $$"""{"PhoneNumber":"2065550100","IsReassigned":{{isReassigned}},"HasSafeHarbor":false}"""));
        using var host = ProviderHost.Build(Settings(api.BaseUrl));

        var answer = await Client(host).CheckAsync(new ReassignedQuery("+12065550100", new DateOnly(2025, 1, 2)), default);

        Assert.Equal(expected, answer.Result);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Rate_limited_and_server_errors_are_retried(int status)
    {
        await using var api = await LoopbackHttpServer.StartAsync(
            new ScriptedResponse(status, "{}"), new ScriptedResponse(200, """{"PhoneNumber":"2065550100","IsReassigned":true,"HasSafeHarbor":true}"""));
        using var host = ProviderHost.Build(Settings(api.BaseUrl));

        var answer = await Client(host).CheckAsync(new ReassignedQuery("+12065550100", new DateOnly(2025, 1, 2)), default);

        Assert.Equal(ReassignedCheckResult.Reassigned, answer.Result);
        Assert.Equal(2, api.Requests.Count);
        Assert.All(api.Requests, r => Assert.Equal("/v1.5/Data/RNDBasic?phoneNumber=2065550100&date=20250102", r.Path));
    }

    [Fact]
    public async Task A_rejected_key_is_not_retried_and_fails_without_echoing_the_number()
    {
        await using var api = await LoopbackHttpServer.StartAsync(new ScriptedResponse(401, """{"Message":"Invalid loginId"}"""));
        using var host = ProviderHost.Build(Settings(api.BaseUrl));

        var error = await Assert.ThrowsAsync<ProviderException>(() => Client(host).CheckAsync(new ReassignedQuery("+12065550100", new DateOnly(2025, 1, 2)), default));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain("2065550100", error.Message);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Only_north_american_numbers_are_sent()
    {
        await using var api = await LoopbackHttpServer.StartAsync(new ScriptedResponse(200, "{}"));
        using var host = ProviderHost.Build(Settings(api.BaseUrl));

        await Assert.ThrowsAsync<ArgumentException>(() => Client(host).CheckAsync(new ReassignedQuery("+442071234567", new DateOnly(2025, 1, 2)), default));
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_batch_is_one_post_of_the_data_list_and_answers_come_back_in_query_order()
    {
        await using var api = await LoopbackHttpServer.StartAsync(new ScriptedResponse(200,
            """[{"PhoneNumber":"7075276405","IsReassigned":true,"HasSafeHarbor":true},{"PhoneNumber":"5039367187","IsReassigned":null,"HasSafeHarbor":false}]"""));
        using var host = ProviderHost.Build(Settings(api.BaseUrl));

        var answers = await Client(host).CheckManyAsync(
            [new ReassignedQuery("+15039367187", new DateOnly(2021, 10, 14)), new ReassignedQuery("+17075276405", new DateOnly(2021, 11, 22))], default);

        Assert.Equal([ReassignedCheckResult.NoData, ReassignedCheckResult.Reassigned], answers.Select(a => a.Result));
        var request = Assert.Single(api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.5/Data/RNDBasic", request.Path);
        Assert.Equal(ApiKey, request.Headers["loginId"]);
        Assert.StartsWith("application/json", request.ContentType);
        using var body = JsonDocument.Parse(request.Body);
        var data = body.RootElement.GetProperty("data").EnumerateArray().Select(e => (e.GetProperty("phoneNumber").GetString(), e.GetProperty("date").GetString())).ToList();
        Assert.Equal([("5039367187", "20211014"), ("7075276405", "20211122")], data);
        Assert.False(body.RootElement.TryGetProperty("useSandbox", out _));
    }

    [Fact]
    public async Task Requests_beyond_the_rate_limit_wait_for_the_window()
    {
        await using var api = await LoopbackHttpServer.StartAsync(new ScriptedResponse(200, """{"PhoneNumber":"2065550100","IsReassigned":false,"HasSafeHarbor":true}"""));
        using var host = ProviderHost.Build(Settings(api.BaseUrl, perWindow: 2, window: TimeSpan.FromSeconds(1.2)));
        var client = Client(host);

        for (var i = 0; i < 3; i++)
            await client.CheckAsync(new ReassignedQuery("+12065550100", new DateOnly(2025, 1, 2)), default);

        var times = api.ArrivalTimes.ToList();
        Assert.Equal(3, times.Count);
        // Two permits per 1.2 s window (six 0.2 s segments): the third request waits until the first segment slides out.
        Assert.True(times[2] - times[0] >= TimeSpan.FromMilliseconds(700), $"third request after {(times[2] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public void Without_an_api_key_no_real_client_is_registered_so_the_simulator_fills_in()
    {
        using var host = ProviderHost.Build([]);
        Assert.Null(host.Services.GetService<IReassignedNumbersClient>());
    }
}
