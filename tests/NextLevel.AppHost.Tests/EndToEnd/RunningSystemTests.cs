using System.Net;
using System.Net.Http.Json;

namespace NextLevel.AppHost.Tests.EndToEnd;

[Collection(RunningSystemCollection.Name)]
public sealed class RunningSystemTests(RunningSystemFixture system)
{
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Resources_api_lists_mongodb_api_worker_and_web_Healthy()
    {
        var resources = await system.App.GetResourcesAsync();

        Assert.Equal(["mongodb", "api", "worker", "web"], resources.Select(r => r.Name));
        Assert.All(resources, resource =>
        {
            Assert.Equal("Healthy", resource.Health);
            Assert.Equal("Running", resource.State);
            Assert.NotNull(resource.Pid);
            Assert.NotEmpty(resource.Endpoints);
            Assert.Equal(0, resource.Restarts);
        });
        Assert.Equal(["database", "project", "project", "project"], resources.Select(r => r.Kind));
    }

    [Fact]
    public async Task Api_health_is_Healthy_with_MongoDB()
    {
        using var api = await system.App.CreateHttpClientAsync("api");

        using var response = await api.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Web_sends_a_visitor_who_is_not_signed_in_to_the_staff_sign_in_page()
    {
        using var web = await system.App.CreateHttpClientAsync("web");

        var page = await web.GetStringAsync("/");

        Assert.Contains("Staff sign-in", page);
        Assert.Contains("Next Level Real Estate", page);
    }

    [Fact]
    public async Task Services_receive_the_configuration_contract()
    {
        using var dashboard = new HttpClient { BaseAddress = system.App.DashboardUrl };
        var api = await system.App.GetResourceAsync("api");
        var mongodb = await system.App.GetResourceAsync("mongodb");

        var variables = (await dashboard.GetFromJsonAsync<Variable[]>("api/resources/worker/environment"))!
            .ToDictionary(v => v.Name, v => v.Value);

        Assert.Equal(mongodb.Endpoints[0], variables["ConnectionStrings__mongodb"]);
        Assert.EndsWith("/next_level_real_estate", variables["ConnectionStrings__mongodb"]);
        Assert.Equal(api.Endpoints[0], variables["services__api__http__0"]);
        Assert.Equal(api.Endpoints[0], variables["API_HTTP"]);
        Assert.Equal("worker", variables["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=", variables["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.StartsWith("http://127.0.0.1:", variables["ASPNETCORE_URLS"]);
        Assert.Equal("Development", variables["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Development", variables["DOTNET_ENVIRONMENT"]);
    }

    [Fact]
    public async Task Ops_page_is_served()
    {
        using var dashboard = new HttpClient { BaseAddress = system.App.DashboardUrl };

        var page = await dashboard.GetStringAsync("/");

        Assert.Contains("<h1>Resources</h1>", page);
    }

    [Fact]
    public async Task Console_log_of_api_streams_what_the_process_printed()
    {
        using var dashboard = new HttpClient { BaseAddress = system.App.DashboardUrl, Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = new CancellationTokenSource(LogTimeout);
        using var response = await dashboard.GetAsync("api/resources/api/logs", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        string? line;
        do
        {
            line = await reader.ReadLineAsync(deadline.Token);
        }
        while (line is not null && !line.Contains("Now listening on", StringComparison.Ordinal));

        Assert.NotNull(line);
        Assert.StartsWith("data: {", line);
    }

    private sealed record Variable(string Name, string Value);
}
