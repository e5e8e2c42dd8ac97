namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>A .NET project of the solution, run from its built output with <c>dotnet &lt;assembly&gt;</c>.</summary>
public sealed class ProjectResource(string name, IProjectMetadata project)
    : Resource(name), IResourceWithEndpoints, IResourceWithEnvironment
{
    public override string Kind => "project";

    public IProjectMetadata Project { get; } = project;
}

/// <summary>
/// Where a project is and where its build puts its assembly. Implemented by the Projects.* classes that
/// build/ResourceProjects.targets generates from the AppHost's project references.
/// </summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }

    string TargetPath { get; }
}
