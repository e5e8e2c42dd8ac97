using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Conformance.Entities;
using NextLevel.EmbeddedMongo.Conformance.Requirements;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>What an operation can reach: the test's entities and their factory, the internal client, the test's cancellation.</summary>
public sealed class OperationContext(EntityMap entities, EntityFactory factory, IMongoClient internalClient, ServerEnvironment environment, CancellationToken cancellationToken)
{
    public EntityMap Entities => entities;

    public EntityFactory EntityFactory => factory;

    /// <summary>The runner's own client, used for setup, outcome checks and testRunner assertions.</summary>
    public IMongoClient InternalClient => internalClient;

    /// <summary>The server the test runs against (version-dependent driver behaviour).</summary>
    public ServerEnvironment Environment => environment;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>The session named by the operation's "session" argument, if any.</summary>
    public IClientSessionHandle? Session(OperationArguments arguments)
        => arguments.OptionalString("session") is { } name ? entities.Get<IClientSessionHandle>(name) : null;
}
