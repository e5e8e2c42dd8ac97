namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>The resource is healthy while <c>GET {endpoint}{Path}</c> answers 200.</summary>
public sealed record HttpHealthCheckAnnotation(string Path, string EndpointName) : IResourceAnnotation;
