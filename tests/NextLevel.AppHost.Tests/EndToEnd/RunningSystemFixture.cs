using NextLevel.AppHost.Tests.Harness;

namespace NextLevel.AppHost.Tests.EndToEnd;

/// <summary>One healthy system shared by the tests that only look at it.</summary>
public sealed class RunningSystemFixture : IAsyncLifetime
{
    public const string ZillowSecret = "e2e-zillow-secret";

    public const string GoogleAdsKey = "e2e-google-ads-key";

    public TestDistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Webhook secrets let the tests post leads the way Zillow and Google Ads do; a 1 s campaign cache lets a
        // campaign a test creates take effect at once.
        App = await DistributedApplicationTestingBuilder.StartAsync<Projects.NextLevel_AppHost>(new Dictionary<string, string>
        {
            ["Intake__Zillow__Secret"] = ZillowSecret,
            ["Intake__GoogleAds__Key"] = GoogleAdsKey,
            ["Intake__CampaignCacheSeconds"] = "1",
        });
        await App.WaitForAllHealthyAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RunningSystemCollection : ICollectionFixture<RunningSystemFixture>
{
    public const string Name = "running system";
}
