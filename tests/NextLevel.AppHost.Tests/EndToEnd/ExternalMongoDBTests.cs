using NextLevel.AppHost.Tests.Harness;

namespace NextLevel.AppHost.Tests.EndToEnd;

public sealed class ExternalMongoDBTests
{
    [Fact]
    public async Task MongoDB_named_by_configuration_is_used_and_nothing_is_started_for_it()
    {
        // Any reachable server does: here, the embedded engine of another AppHost.
        await using var server = await DistributedApplicationTestingBuilder.StartAsync<Projects.NextLevel_AppHost>();
        var external = await server.WaitForResourceHealthyAsync("mongodb");

        await using var app = await DistributedApplicationTestingBuilder.StartAsync<Projects.NextLevel_AppHost>(
            arguments: $"--ConnectionStrings:mongodb={external.Endpoints[0]}");
        await app.WaitForAllHealthyAsync();

        var mongodb = await app.GetResourceAsync("mongodb");
        Assert.Null(mongodb.Pid);
        Assert.Equal(external.Endpoints, mongodb.Endpoints);
        using var api = await app.CreateHttpClientAsync("api");
        Assert.Equal("Healthy", await api.GetStringAsync("/health"));
    }
}
