namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>
/// A named network endpoint of a resource ("http"). The orchestrator allocates its port once, before the resource
/// first starts, and keeps it across restarts so that the URLs given to other services stay valid.
/// </summary>
public sealed class EndpointAnnotation(string name, string scheme = "http") : IResourceAnnotation
{
    public string Name { get; } = name;

    public string Scheme { get; } = scheme;

    /// <summary>Set by the orchestrator; <see langword="null"/> until the endpoint is allocated.</summary>
    public AllocatedEndpoint? AllocatedEndpoint { get; set; }
}

/// <summary>Where an endpoint listens: always a loopback address on this machine.</summary>
public sealed record AllocatedEndpoint(string Scheme, string Host, int Port)
{
    public string Url => $"{Scheme}://{Host}:{Port}";
}
