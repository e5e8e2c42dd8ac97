using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>
/// Runs NextLevel.EmbeddedMongo with its files under <c>{data-dir}/mongodb</c>, so data outlives the AppHost.
/// The port is chosen once and kept across restarts, so the connection strings given to services stay valid;
/// the engine's <c>EMBEDDED_MONGO_READY &lt;url&gt;</c> line says when and where it listens.
/// </summary>
internal sealed class EmbeddedMongoDBRunner(MongoDBServerResource mongo, RunnerServices services) : ProcessResourceRunner(mongo, services)
{
    public const string ReadyLinePrefix = "EMBEDDED_MONGO_READY ";

    private readonly int _port = services.Ports.Allocate();

    public string DataDirectory => Path.Combine(Services.Options.DataDirectory, "mongodb");

    public override string Describe() => MongoDBServerResource.WithDatabase(ExpectedUrl, mongo.DatabaseName);

    private string ExpectedUrl => $"mongodb://127.0.0.1:{_port}/";

    protected override Task<ProcessLaunch> PrepareLaunchAsync(CancellationToken cancellationToken)
    {
        var engine = mongo.EmbeddedEngine.TargetPath;
        if (!File.Exists(engine))
        {
            throw new FileNotFoundException($"{engine} is not built. Build the AppHost (dotnet build NextLevel.AppHost), which builds the engine.", engine);
        }

        Directory.CreateDirectory(DataDirectory);
        mongo.ServerUrl = null;
        var startInfo = DotnetStartInfo(
            engine,
            Path.GetDirectoryName(engine)!,
            NoVariables,
            "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--dbpath", DataDirectory,
            "--bind", "127.0.0.1");
        return Task.FromResult(new ProcessLaunch(startInfo, $"dotnet {Path.GetFileName(engine)} (embedded engine, data in {DataDirectory})", NoVariables));
    }

    protected override void OnOutputLine(string line)
    {
        if (line.StartsWith(ReadyLinePrefix, StringComparison.Ordinal))
        {
            mongo.ServerUrl = line[ReadyLinePrefix.Length..].Trim();
            Publish(snapshot => snapshot with { Endpoints = [mongo.ConnectionString!] });
        }
    }

    protected override IHealthProbe CreateHealthProbe() => new MongoPingProbe(() => mongo.ServerUrl);
}
