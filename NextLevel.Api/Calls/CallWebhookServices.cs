using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Calls;

/// <summary>What the call webhooks use ([AsParameters]).</summary>
public sealed class CallWebhookServices(
    IMongoDatabase database,
    CallWebhookOptions options,
    CallRecordUpdates updates,
    PostCallProcessor postCalls,
    SignatureReplayGuard replayGuard,
    TimeProvider time,
    ILogger<CallWebhookServices> logger)
{
    public IMongoCollection<Call> Calls { get; } = database.GetCollection<Call>(CollectionNames.Calls);

    public CallWebhookOptions Options { get; } = options;

    public CallRecordUpdates Updates { get; } = updates;

    public PostCallProcessor PostCalls { get; } = postCalls;

    public SignatureReplayGuard ReplayGuard { get; } = replayGuard;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;
}
