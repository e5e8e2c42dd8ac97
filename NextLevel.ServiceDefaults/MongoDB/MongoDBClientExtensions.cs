using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Driver;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The equivalent of Aspire.MongoDB.Driver's <c>AddMongoDBClient</c>: the client, the database, a health check and
/// driver tracing, all from one connection string.
/// </summary>
public static class MongoDBClientExtensions
{
    /// <summary>How long the readiness check waits for <c>ping</c> before reporting MongoDB unhealthy.</summary>
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers <see cref="IMongoClient"/> and <see cref="IMongoDatabase"/> singletons for
    /// <c>ConnectionStrings:{connectionName}</c>, a "mongodb" readiness check running <c>ping</c>, and the driver's
    /// own activity source for tracing. A missing or malformed connection string ends the service at start-up with
    /// one actionable line (see <see cref="StartupFailure"/>).
    /// </summary>
    public static void AddMongoDBClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<MongoClientSettings>? configureClientSettings = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (!MongoDBConnection.TryParse(connectionString, connectionName, out var connection, out var error))
        {
            StartupFailure.ExitWithConfigurationError(error);
            return;
        }

        builder.Services.AddSingleton(connection);
        builder.Services.AddSingleton<IMongoClient>(_ =>
        {
            var settings = MongoClientSettings.FromUrl(connection.Url);
            settings.ApplicationName ??= builder.Environment.ApplicationName;
            configureClientSettings?.Invoke(settings);
            return new MongoClient(settings);
        });
        builder.Services.AddSingleton(services =>
            services.GetRequiredService<IMongoClient>().GetDatabase(connection.DatabaseName));

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            name: connectionName,
            factory: services => new MongoDBHealthCheck(services.GetRequiredService<IMongoDatabase>()),
            failureStatus: null,
            tags: ["ready", "mongodb"],
            timeout: HealthCheckTimeout));

        // MongoDB.Driver 3.x traces natively through its own ActivitySource; listening to it is all that is needed.
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(MongoTelemetry.ActivitySourceName));
    }
}
