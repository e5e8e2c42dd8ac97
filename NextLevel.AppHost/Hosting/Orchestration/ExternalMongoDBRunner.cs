using Microsoft.Extensions.Logging;
using NextLevel.AppHost.Dashboard;
using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>A MongoDB server run by someone else: nothing is started, its health is watched with <c>ping</c>.</summary>
internal sealed class ExternalMongoDBRunner(MongoDBServerResource mongo, RunnerServices services) : ResourceRunner(mongo, services)
{
    public override string Describe() => SecretMasker.MaskConnectionString(mongo.ExternalConnectionString!);

    public override async Task RunAsync(CancellationToken stopping)
    {
        Publish(snapshot => snapshot with
        {
            State = ResourceStates.Running,
            Source = $"external server (ConnectionStrings:{mongo.Name})",
            StartedAt = Services.Time.GetUtcNow(),
            Endpoints = [mongo.ExternalConnectionString!],
        });
        Log.LogInformation("Using the external server at {Url}", Describe());
        using var probe = new MongoPingProbe(() => mongo.ExternalConnectionString);
        await MonitorHealthAsync(probe, stopping);
    }

    public override Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
