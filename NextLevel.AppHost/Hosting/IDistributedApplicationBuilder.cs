using NextLevel.AppHost.Otlp;
using Microsoft.Extensions.Configuration;
using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Hosting;

/// <summary>Collects the resources of the application before it is built and run.</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>The AppHost's configuration: appsettings, environment variables, command line.</summary>
    IConfiguration Configuration { get; }

    AppHostOptions Options { get; }

    /// <summary>The key this run's OTLP receiver requires from exporters (see <see cref="OtlpResourceBuilderExtensions.WithOtlpExporter"/>).</summary>
    OtlpApiKey OtlpApiKey { get; }

    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    DistributedApplication Build();
}
