using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Conformance.Requirements;

/// <summary>Asks the server under test for its version (buildInfo) and topology (hello).</summary>
public static class ServerEnvironmentProbe
{
    public static async Task<ServerEnvironment> DetectAsync(IMongoClient client, string connectionString, CancellationToken cancellationToken)
    {
        var admin = client.GetDatabase("admin");
        var buildInfo = await admin.RunCommandAsync<BsonDocument>(new BsonDocument("buildInfo", 1), cancellationToken: cancellationToken);
        var hello = await admin.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: cancellationToken);

        var topology = hello.GetValue("msg", BsonNull.Value) is BsonString { Value: "isdbgrid" } ? "sharded"
            : hello.Contains("setName") ? "replicaset"
            : "single";
        var url = new MongoUrl(connectionString);
        var parameters = new Dictionary<string, BsonValue?>(StringComparer.Ordinal);
        return new ServerEnvironment
        {
            Version = DottedVersion.Parse(buildInfo["version"].AsString),
            Topology = url.LoadBalanced ? "load-balanced" : topology,
            AuthEnabled = url.Username is not null,
            GetServerParameter = name =>
            {
                if (!parameters.TryGetValue(name, out var value))
                {
                    value = ReadParameter(admin, name);
                    parameters[name] = value;
                }
                return value;
            },
        };
    }

    /// <summary>A parameter the server does not know (or a failing getParameter) counts as absent.</summary>
    private static BsonValue? ReadParameter(IMongoDatabase admin, string name)
    {
        try
        {
            var reply = admin.RunCommand<BsonDocument>(new BsonDocument { { "getParameter", 1 }, { name, 1 } });
            return reply.GetValue(name, BsonNull.Value) is BsonNull ? null : reply[name];
        }
        catch (MongoCommandException)
        {
            return null;
        }
    }
}
