using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>
    /// A project of the solution (<typeparamref name="TProject"/> is a generated Projects.* class), run from its build
    /// output, exporting its telemetry to the AppHost (as Aspire's AddProject does).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddResource(new ProjectResource(name, new TProject())).WithOtlpExporter();
}
