using System.Collections.Frozen;
using System.Diagnostics;
using System.Reflection;
using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Cursors;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>
/// Executes commands against the storage engine. Each command lives in a partial file under Engine/Commands/
/// and is found by its <see cref="MongoCommandAttribute"/>. A failing command answers
/// <c>{ ok: 0, errmsg, code, codeName }</c>; it never takes the server down.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed partial class MongoEngine
{
    private delegate ValueTask<BsonDocument> CommandHandler(MongoEngine engine, CommandContext context, BsonDocument command, CancellationToken cancellationToken);

    private static readonly FrozenDictionary<string, CommandHandler> Handlers = DiscoverHandlers();

    /// <summary>Commands counted by their own opcounter rather than as "command".</summary>
    private static readonly FrozenSet<string> CrudCommands = FrozenSet.ToFrozenSet(["insert", "update", "delete", "find", "getMore"], StringComparer.Ordinal);

    public MongoEngine(StorageEngine storage, TimeProvider time)
    {
        Storage = storage;
        Time = time;
        Cursors = new CursorRegistry(time);
    }

    public StorageEngine Storage { get; }

    public TimeProvider Time { get; }

    /// <summary>Open cursors, for getMore/killCursors and for currentOp/serverStatus.</summary>
    public CursorRegistry Cursors { get; }

    /// <summary>serverStatus opcounters.</summary>
    public OperationCounters Counters { get; } = new();

    /// <summary>Commands slower than its threshold are logged; null logs none.</summary>
    public SlowOperationLog? SlowOperations { get; init; }

    public static IReadOnlyCollection<string> CommandNames => Handlers.Keys;

    /// <summary>Runs one command document (document sequences already merged in) and returns its reply.</summary>
    public async ValueTask<BsonDocument> ExecuteAsync(BsonDocument command, CommandContext context, CancellationToken cancellationToken)
    {
        if (command.ElementCount == 0)
            return MongoError.FailedToParse("Empty command").ToCommandReply();

        var name = command.GetElement(0).Name;
        if (!Handlers.TryGetValue(name, out var handler))
            return new MongoError(ErrorCode.CommandNotFound, $"no such command: '{name}'").ToCommandReply();
        if (!CrudCommands.Contains(name)) Counters.AddCommand();

        var started = SlowOperations is null ? 0 : Stopwatch.GetTimestamp();
        try
        {
            return await handler(this, context, command, cancellationToken);
        }
        catch (MongoError error)
        {
            return error.ToCommandReply();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or ArgumentException or OverflowException or KeyNotFoundException)
        {
            // Malformed arguments surface as type errors from BsonValue accessors: report them, never crash.
            return new MongoError(ErrorCode.TypeMismatch, $"invalid argument for '{name}': {ex.Message}").ToCommandReply();
        }
        finally
        {
            SlowOperations?.Record(command, started);
        }
    }

    /// <summary>Called by the wire layer when a client connection closes: its cursors are released.</summary>
    public void OnConnectionClosed(long connectionId) => Cursors.DropConnection(connectionId);

    private static FrozenDictionary<string, CommandHandler> DiscoverHandlers()
    {
        var handlers = new Dictionary<string, CommandHandler>(StringComparer.Ordinal);
        foreach (var method in typeof(MongoEngine).GetMethods(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
        {
            var attribute = method.GetCustomAttribute<MongoCommandAttribute>();
            if (attribute is null) continue;
            var handler = method.CreateDelegate<CommandHandler>();
            foreach (var commandName in attribute.Names) handlers.Add(commandName, handler);
        }
        return handlers.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
