namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>
/// The MongoDB server of the system. How it runs is chosen at start (<see cref="MongoDBHosting"/>): an external server
/// named by configuration, the <c>mongo</c> container image, or the embedded engine.
/// </summary>
public sealed class MongoDBServerResource(string name, string databaseName, IProjectMetadata embeddedEngine)
    : Resource(name), IResourceWithConnectionString
{
    public const string ContainerImage = "mongo:8";

    public override string Kind => "database";

    /// <summary>The database services use; it becomes the path of the connection string.</summary>
    public string DatabaseName { get; } = databaseName;

    /// <summary>The embedded engine's project, run when neither an external server nor a container is used.</summary>
    public IProjectMetadata EmbeddedEngine { get; } = embeddedEngine;

    /// <summary>The connection string of an external server, from configuration; <see langword="null"/> to run one here.</summary>
    public string? ExternalConnectionString { get; init; }

    /// <summary>The named volume that keeps the container's data across runs.</summary>
    public string VolumeName => $"nextlevel-{Name}-data";

    /// <summary>The server's address without a database (<c>mongodb://127.0.0.1:PORT/</c>), set once the server runs.</summary>
    public string? ServerUrl { get; set; }

    public string? ConnectionString => ExternalConnectionString ?? (ServerUrl is null ? null : WithDatabase(ServerUrl, DatabaseName));

    /// <summary>Puts <paramref name="database"/> as the URL path, keeping any query (<c>?replicaSet=...</c>).</summary>
    internal static string WithDatabase(string serverUrl, string database)
    {
        var queryStart = serverUrl.IndexOf('?', StringComparison.Ordinal);
        var (address, query) = queryStart < 0 ? (serverUrl, "") : (serverUrl[..queryStart], serverUrl[queryStart..]);
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = address.IndexOf('/', schemeEnd);
        var hosts = pathStart < 0 ? address : address[..pathStart];
        return $"{hosts}/{database}{query}";
    }
}

/// <summary>How the MongoDB resource runs.</summary>
public enum MongoDBHosting
{
    /// <summary>Nothing runs here: the connection string names a server elsewhere (Atlas, a server of one's own).</summary>
    External,

    /// <summary>The <c>mongo:8</c> image in a container engine, its data in a named volume.</summary>
    Container,

    /// <summary>NextLevel.EmbeddedMongo, its data under the AppHost's data directory.</summary>
    Embedded,
}
