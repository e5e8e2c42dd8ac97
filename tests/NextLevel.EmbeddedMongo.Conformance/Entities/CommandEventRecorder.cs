using System.Collections.Concurrent;
using MongoDB.Bson;
using MongoDB.Driver.Core.Events;

namespace NextLevel.EmbeddedMongo.Conformance.Entities;

/// <summary>
/// Records a client's command monitoring events in the unified format's shape
/// (<c>{ commandStartedEvent: { command, commandName, databaseName } }</c>, ...), for expectEvents.
/// Security-sensitive commands, configureFailPoint and the client's ignoreCommandMonitoringEvents are left out.
/// [ThreadSafe: the driver raises events from its own threads]
/// </summary>
public sealed class CommandEventRecorder(IEnumerable<string> observedEventTypes, IEnumerable<string> ignoredCommands)
{
    private static readonly string[] SensitiveCommands =
    [
        "authenticate", "saslStart", "saslContinue", "getnonce", "createUser", "updateUser",
        "copydbgetnonce", "copydbsaslstart", "copydb", "hello", "isMaster", "ismaster",
    ];

    private readonly HashSet<string> _observed = observedEventTypes.ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _ignored = ignoredCommands.Concat(SensitiveCommands).Append("configureFailPoint").ToHashSet(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<BsonDocument> _events = new();

    public IReadOnlyList<BsonDocument> Events => [.. _events];

    public void Started(CommandStartedEvent e)
        => Record("commandStartedEvent", e.CommandName, () => new BsonDocument
        {
            { "command", e.Command.DeepClone() },
            { "commandName", e.CommandName },
            { "databaseName", e.DatabaseNamespace.DatabaseName },
        });

    public void Succeeded(CommandSucceededEvent e)
        => Record("commandSucceededEvent", e.CommandName, () => new BsonDocument
        {
            { "reply", e.Reply.DeepClone() },
            { "commandName", e.CommandName },
            { "databaseName", e.DatabaseNamespace.DatabaseName },
        });

    public void Failed(CommandFailedEvent e)
        => Record("commandFailedEvent", e.CommandName, () => new BsonDocument
        {
            { "commandName", e.CommandName },
            { "databaseName", e.DatabaseNamespace.DatabaseName },
        });

    private void Record(string eventType, string commandName, Func<BsonDocument> describe)
    {
        if (!_observed.Contains(eventType) || _ignored.Contains(commandName)) return;
        _events.Enqueue(new BsonDocument(eventType, describe()));
    }
}
