namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>
/// Adds environment variables each time the resource's process starts. Callbacks run at start rather than at
/// declaration because the values they read (ports, connection strings) exist only once dependencies run.
/// </summary>
public sealed class EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback) : IResourceAnnotation
{
    public void Apply(EnvironmentCallbackContext context) => callback(context);
}

/// <summary>The variables being gathered for one start of <see cref="Resource"/>.</summary>
public sealed class EnvironmentCallbackContext(IResource resource)
{
    public IResource Resource { get; } = resource;

    public IDictionary<string, string> Variables { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
