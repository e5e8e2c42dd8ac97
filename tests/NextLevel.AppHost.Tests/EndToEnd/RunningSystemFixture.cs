using NextLevel.AppHost.Tests.Harness;

namespace NextLevel.AppHost.Tests.EndToEnd;

/// <summary>One healthy system shared by the tests that only look at it.</summary>
public sealed class RunningSystemFixture : IAsyncLifetime
{
    public const string ZillowSecret = "e2e-zillow-secret";

    public TestDistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A webhook secret lets the telemetry tests post a lead the way Zillow does.
        App = await DistributedApplicationTestingBuilder.StartAsync<Projects.NextLevel_AppHost>(
            new Dictionary<string, string> { ["Intake__Zillow__Secret"] = ZillowSecret });
        await App.WaitForAllHealthyAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RunningSystemCollection : ICollectionFixture<RunningSystemFixture>
{
    public const string Name = "running system";
}
