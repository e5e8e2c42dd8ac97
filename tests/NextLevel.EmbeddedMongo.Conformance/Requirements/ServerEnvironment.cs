using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Conformance.Requirements;

/// <summary>
/// What runOnRequirements are evaluated against: the server's version and topology and the capabilities of this
/// runner. The embedded engine is a MongoDB 7.0 standalone ("single"), without auth, serverless or CSFLE.
/// </summary>
public sealed class ServerEnvironment
{
    public required DottedVersion Version { get; init; }

    /// <summary>"single", "replicaset", "sharded" or "load-balanced".</summary>
    public required string Topology { get; init; }

    public bool IsServerless { get; init; }

    public bool AuthEnabled { get; init; }

    /// <summary>Client-side field level encryption needs libmongocrypt, which this runner does not load.</summary>
    public bool CsfleSupported { get; init; }

    /// <summary>Server parameters by name (from getParameter), or absent when the server does not know them.</summary>
    public Func<string, BsonValue?> GetServerParameter { get; init; } = _ => null;

    /// <summary>The documented target of the embedded engine.</summary>
    public static ServerEnvironment EmbeddedDefault() => new()
    {
        Version = DottedVersion.Parse("7.0.14"),
        Topology = "single",
    };
}
