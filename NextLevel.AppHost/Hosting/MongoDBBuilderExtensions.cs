using Microsoft.Extensions.Configuration;
using NextLevel.AppHost.Hosting.ApplicationModel;

namespace NextLevel.AppHost.Hosting;

public static class MongoDBBuilderExtensions
{
    /// <summary>
    /// The MongoDB server, reachable by services through the connection string <paramref name="name"/> whose path is
    /// <paramref name="databaseName"/>. When configuration has <c>ConnectionStrings:{name}</c> that server is used and
    /// nothing is started; otherwise a container or the embedded engine runs (see <see cref="MongoPreference"/>).
    /// </summary>
    public static IResourceBuilder<MongoDBServerResource> AddMongoDB(
        this IDistributedApplicationBuilder builder, string name, string databaseName) =>
        builder.AddResource(new MongoDBServerResource(name, databaseName, new Projects.NextLevel_EmbeddedMongo())
        {
            ExternalConnectionString = NullIfEmpty(builder.Configuration.GetConnectionString(name)),
        });

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
