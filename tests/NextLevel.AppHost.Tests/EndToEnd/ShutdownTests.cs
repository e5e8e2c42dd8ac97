using NextLevel.AppHost.Tests.Harness;

namespace NextLevel.AppHost.Tests.EndToEnd;

public sealed class ShutdownTests
{
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Stopping_the_AppHost_stops_every_process_of_the_system()
    {
        await using var app = await DistributedApplicationTestingBuilder.StartAsync<Projects.NextLevel_AppHost>();
        await app.WaitForAllHealthyAsync();
        Assert.Equal(4, app.ProcessesSeen.Count);

        await app.StopAsync();

        Assert.Empty(await app.SurvivingProcessesAsync(ExitGrace));
    }

    [Fact]
    public async Task Killing_the_AppHost_stops_every_process_of_the_system()
    {
        await using var app = await DistributedApplicationTestingBuilder.StartAsync<Projects.NextLevel_AppHost>();
        await app.WaitForAllHealthyAsync();
        Assert.Equal(4, app.ProcessesSeen.Count);

        await app.KillAsync();

        Assert.Empty(await app.SurvivingProcessesAsync(ExitGrace));
    }
}
