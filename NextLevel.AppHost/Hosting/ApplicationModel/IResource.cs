namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>Something the AppHost runs or connects to: a name, plus annotations that say everything else about it.</summary>
public interface IResource
{
    /// <summary>The resource's name; also the name services use for it (connection string name, service-discovery name).</summary>
    string Name { get; }

    /// <summary>A short word for the ops page: "project", "database".</summary>
    string Kind { get; }

    ResourceAnnotationCollection Annotations { get; }
}

/// <summary>A resource that services can reach through endpoints (see <see cref="EndpointAnnotation"/>).</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>A resource whose process receives environment variables (see <see cref="EnvironmentCallbackAnnotation"/>).</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>A resource that others reach through a connection string named after it.</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string, once the resource is running; <see langword="null"/> before.</summary>
    string? ConnectionString { get; }
}
