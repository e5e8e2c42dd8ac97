using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Hosting;

/// <summary>The wiring verbs of the resource graph, with Aspire's names and meaning.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>An "http" endpoint on a free loopback port, given to the process as ASPNETCORE_URLS.</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, string name = "http")
        where T : IResourceWithEndpoints =>
        builder.WithAnnotation(new EndpointAnnotation(name, "http"));

    /// <summary>The resource is healthy while <c>GET {endpoint}{path}</c> answers 200.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health", string endpointName = "http")
        where T : IResourceWithEndpoints =>
        builder.WithAnnotation(new HttpHealthCheckAnnotation(path, endpointName));

    /// <summary>Starts the resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResource =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.Variables[name] = value));

    /// <summary>Gives the process <c>ConnectionStrings__{name}</c> of <paramref name="source"/>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            context.Variables[$"ConnectionStrings__{resource.Name}"] = resource.ConnectionString
                ?? throw new InvalidOperationException($"'{resource.Name}' has no connection string yet: declare WaitFor({resource.Name}).")));
    }

    /// <summary>
    /// Gives the process the endpoints of <paramref name="source"/> in both of Aspire's forms:
    /// <c>services__{name}__{endpoint}__0</c> for .NET service discovery and <c>{NAME}_{ENDPOINT}</c> for any language.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithEndpoints> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context =>
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                var url = endpoint.AllocatedEndpoint?.Url
                    ?? throw new InvalidOperationException($"Endpoint '{endpoint.Name}' of '{resource.Name}' is not allocated.");
                context.Variables[$"services__{resource.Name}__{endpoint.Name}__0"] = url;
                context.Variables[$"{resource.Name.ToUpperInvariant()}_{endpoint.Name.ToUpperInvariant()}"] = url;
            }
        }));
    }
}
