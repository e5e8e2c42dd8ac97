using Microsoft.Extensions.Logging;
using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Hosting.Orchestration;

/// <summary>Chooses how each resource runs; for MongoDB, one of the three ways of the system contract.</summary>
internal sealed class ResourceRunnerFactory(ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("NextLevel.AppHost");

    public async Task<IResourceRunner> CreateAsync(IResource resource, RunnerServices services, CancellationToken cancellationToken) => resource switch
    {
        ProjectResource project => new ProjectRunner(project, services),
        MongoDBServerResource mongo => await CreateMongoDBRunnerAsync(mongo, services, cancellationToken),
        _ => throw new NotSupportedException($"The AppHost cannot run a resource of type {resource.GetType().Name}."),
    };

    private async Task<IResourceRunner> CreateMongoDBRunnerAsync(MongoDBServerResource mongo, RunnerServices services, CancellationToken cancellationToken)
    {
        if (mongo.ExternalConnectionString is not null)
        {
            _logger.LogInformation("MongoDB: external server from ConnectionStrings:{Name}; nothing is started for it", mongo.Name);
            return new ExternalMongoDBRunner(mongo, services);
        }

        var hosting = await ChooseHostingAsync(services, cancellationToken);
        if (hosting == MongoDBHosting.Container)
        {
            _logger.LogInformation("MongoDB: {Image} container with the named volume {Volume}", MongoDBServerResource.ContainerImage, mongo.VolumeName);
            return new ContainerMongoDBRunner(mongo, services);
        }

        var embedded = new EmbeddedMongoDBRunner(mongo, services);
        _logger.LogInformation("MongoDB: embedded engine (NextLevel.EmbeddedMongo), data in {DataDirectory}", embedded.DataDirectory);
        return embedded;
    }

    private async Task<MongoDBHosting> ChooseHostingAsync(RunnerServices services, CancellationToken cancellationToken)
    {
        switch (services.Options.Mongo)
        {
            case MongoPreference.Embedded:
                return MongoDBHosting.Embedded;
            case MongoPreference.Container:
                if (!await services.Containers.AnswersAsync(cancellationToken))
                {
                    _logger.LogWarning("--mongo container: no container engine answers ('docker info' fails); MongoDB will not start until one does");
                }
                return MongoDBHosting.Container;
        }

        if (!await services.Containers.AnswersAsync(cancellationToken))
        {
            return MongoDBHosting.Embedded;
        }
        if (await services.Containers.HasImageAsync(MongoDBServerResource.ContainerImage, cancellationToken))
        {
            return MongoDBHosting.Container;
        }

        _logger.LogInformation("A container engine answers; pulling {Image}", MongoDBServerResource.ContainerImage);
        if (await services.Containers.PullAsync(MongoDBServerResource.ContainerImage, cancellationToken))
        {
            return MongoDBHosting.Container;
        }

        // Offline machines have Docker but no registry: the embedded engine still gives a working system.
        _logger.LogWarning("Could not pull {Image}; using the embedded engine instead (pass --mongo container to insist)", MongoDBServerResource.ContainerImage);
        return MongoDBHosting.Embedded;
    }
}
