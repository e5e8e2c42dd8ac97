using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Tests.Hosting;

public class ResourceNotificationServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Waiting_for_healthy_completes_when_a_healthy_snapshot_is_published()
    {
        var notifications = new ResourceNotificationService();
        var api = new TestResource("api");
        notifications.Register(new ResourceSnapshot { Name = "api", Kind = "project" });

        var waiting = notifications.WaitForResourceHealthyAsync("api", CancellationToken.None);
        notifications.PublishUpdate(api, s => s with { State = ResourceStates.Running });
        Assert.False(waiting.IsCompleted);
        notifications.PublishUpdate(api, s => s with { Health = HealthStates.Healthy });

        var healthy = await waiting.WaitAsync(Timeout);
        Assert.Equal(ResourceStates.Running, healthy.State);
    }

    [Fact]
    public async Task Waiting_for_a_resource_already_healthy_completes_at_once()
    {
        var notifications = new ResourceNotificationService();
        notifications.Register(new ResourceSnapshot { Name = "mongodb", Kind = "database", Health = HealthStates.Healthy });

        var healthy = await notifications.WaitForResourceHealthyAsync("mongodb", CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("mongodb", healthy.Name);
    }

    [Fact]
    public void Snapshots_are_listed_in_registration_order()
    {
        var notifications = new ResourceNotificationService();
        foreach (var name in (string[])["mongodb", "api", "worker", "web"])
        {
            notifications.Register(new ResourceSnapshot { Name = name, Kind = "project" });
        }

        Assert.Equal(["mongodb", "api", "worker", "web"], notifications.GetSnapshots().Select(s => s.Name));
    }

    private sealed class TestResource(string name) : Resource(name)
    {
        public override string Kind => "project";
    }
}
