using System.Diagnostics;
using System.Globalization;
using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>
/// Runs the <c>mongo:8</c> image with its data in a named volume, as Aspire.Hosting.MongoDB does. The process the
/// AppHost supervises is the attached <c>docker run --rm</c>: its output is the server's log, and SIGTERM to it is
/// passed on to the container (docker's signal proxy), so stopping or losing the AppHost stops the container too.
/// </summary>
internal sealed class ContainerMongoDBRunner(MongoDBServerResource mongo, RunnerServices services) : ProcessResourceRunner(mongo, services)
{
    private const int ServerPort = 27017;

    private readonly int _port = services.Ports.Allocate();

    private string ContainerName => $"nextlevel-{mongo.Name}";

    public override string Describe() => MongoDBServerResource.WithDatabase(ServerUrl, mongo.DatabaseName);

    private string ServerUrl => $"mongodb://127.0.0.1:{_port}/";

    protected override async Task<ProcessLaunch> PrepareLaunchAsync(CancellationToken cancellationToken)
    {
        // A container left by an AppHost that was killed would hold the name.
        await Services.Containers.RemoveContainerAsync(ContainerName, cancellationToken);

        var startInfo = new ProcessStartInfo(Processes.ContainerEngine.Cli);
        foreach (var argument in (string[])[
            "run", "--rm", "--name", ContainerName,
            "--publish", $"127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}:{ServerPort.ToString(CultureInfo.InvariantCulture)}",
            "--volume", $"{mongo.VolumeName}:/data/db",
            MongoDBServerResource.ContainerImage])
        {
            startInfo.ArgumentList.Add(argument);
        }

        mongo.ServerUrl = ServerUrl;
        Publish(snapshot => snapshot with { Endpoints = [mongo.ConnectionString!] });
        return new ProcessLaunch(startInfo, $"{MongoDBServerResource.ContainerImage} (container {ContainerName}, volume {mongo.VolumeName})", NoVariables);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await Services.Containers.StopContainerAsync(ContainerName, cancellationToken);
        await base.StopAsync(cancellationToken);
    }

    protected override IHealthProbe CreateHealthProbe() => new MongoPingProbe(() => mongo.ServerUrl);
}
