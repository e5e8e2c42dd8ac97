using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Microsoft.Extensions.Hosting;

/// <summary>Healthy when the server answers <c>ping</c> on the service's database. [Singleton - ThreadSafe]</summary>
internal sealed class MongoDBHealthCheck(IMongoDatabase database) : IHealthCheck
{
    private static readonly BsonDocument PingCommand = new("ping", 1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.RunCommandAsync<BsonDocument>(PingCommand, cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is MongoException or TimeoutException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "MongoDB did not answer ping.", exception);
        }
    }
}
