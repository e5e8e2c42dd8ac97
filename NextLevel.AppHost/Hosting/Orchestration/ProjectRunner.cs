using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>
/// Runs a project's built assembly with <c>dotnet</c>, in the project's folder (its content root, as under
/// <c>dotnet run</c>), with the environment of Aspire's configuration contract.
/// </summary>
internal sealed class ProjectRunner(ProjectResource project, RunnerServices services) : ProcessResourceRunner(project, services)
{
    /// <summary>Identifies this resource's process in telemetry across its restarts.</summary>
    private readonly string _instanceId = Guid.NewGuid().ToString("N");

    protected override TimeSpan StopGracePeriod => TimeSpan.FromSeconds(5);

    public override string Describe() => string.Join(", ", Endpoints().Select(endpoint => endpoint.Url));

    protected override Task<ProcessLaunch> PrepareLaunchAsync(CancellationToken cancellationToken)
    {
        var assembly = project.Project.TargetPath;
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException(
                $"{assembly} is not built. Build the AppHost (dotnet build NextLevel.AppHost), which builds every service.", assembly);
        }

        var environment = BuildEnvironment();
        var workingDirectory = Path.GetDirectoryName(project.Project.ProjectPath)!;
        return Task.FromResult(new ProcessLaunch(
            DotnetStartInfo(assembly, workingDirectory, environment),
            $"dotnet {Path.GetFileName(assembly)}",
            environment));
    }

    protected override IHealthProbe CreateHealthProbe()
    {
        var check = project.Annotations.OfType<HttpHealthCheckAnnotation>().FirstOrDefault();
        var endpoint = check is null
            ? null
            : project.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == check.EndpointName)?.AllocatedEndpoint;
        return endpoint is null
            ? new ProcessRunningProbe()
            : new HttpHealthProbe(Services.HttpClients, new Uri(endpoint.Url + check!.Path));
    }

    private SortedDictionary<string, string> BuildEnvironment()
    {
        var context = new EnvironmentCallbackContext(project);
        var variables = context.Variables;
        variables["ASPNETCORE_ENVIRONMENT"] = "Development";
        variables["DOTNET_ENVIRONMENT"] = "Development";
        variables["OTEL_SERVICE_NAME"] = project.Name;
        variables["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={_instanceId}";
        if (Services.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } collector)
        {
            variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector;
        }
        var urls = Endpoints().Select(endpoint => endpoint.Url).ToArray();
        if (urls.Length > 0)
        {
            variables["ASPNETCORE_URLS"] = string.Join(';', urls);
        }

        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Apply(context);
        }
        return new SortedDictionary<string, string>(variables, StringComparer.Ordinal);
    }

    private IEnumerable<AllocatedEndpoint> Endpoints() =>
        project.Annotations.OfType<EndpointAnnotation>()
            .Select(endpoint => endpoint.AllocatedEndpoint)
            .OfType<AllocatedEndpoint>();

    /// <summary>For a project without an HTTP health check: healthy while its process runs.</summary>
    private sealed class ProcessRunningProbe : IHealthProbe
    {
        public Task<bool> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public void Dispose()
        {
        }
    }
}
