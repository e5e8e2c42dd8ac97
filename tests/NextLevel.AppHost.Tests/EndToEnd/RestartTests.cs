using System.Diagnostics;
using NextLevel.AppHost.Tests.Harness;

namespace NextLevel.AppHost.Tests.EndToEnd;

public sealed class RestartTests
{
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Killed_api_is_restarted_and_Healthy_again_with_its_restart_counted()
    {
        await using var app = await DistributedApplicationTestingBuilder.StartAsync<Projects.NextLevel_AppHost>();
        var api = await app.WaitForResourceHealthyAsync("api");

        Process.GetProcessById(api.Pid!.Value).Kill();

        var restarted = await app.WaitForResourceAsync(
            "api", r => r.Restarts == 1 && r.IsHealthy && r.Pid != api.Pid, RestartTimeout);
        Assert.Equal(api.Endpoints, restarted.Endpoints);
        using var http = await app.CreateHttpClientAsync("api");
        Assert.Equal("Healthy", await http.GetStringAsync("/health"));
    }
}
