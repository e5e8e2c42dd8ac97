using System.Diagnostics;
using System.Text;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>
/// mongod's slow-query log: a command that takes longer than the threshold (slowms, 100 ms by default) is written as
/// one line with its name, namespace, duration and shape. The shape keeps field names and operators and replaces every
/// value by <c>?</c>, so a filter on a phone number or a name never puts the number or the name in a log.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class SlowOperationLog(TimeSpan threshold, Action<string> write)
{
    private const int MaxShapeLength = 600;

    public TimeSpan Threshold { get; } = threshold;

    /// <summary>Writes the command's line when it ran for longer than the threshold.</summary>
    public void Record(BsonDocument command, long startTimestamp)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp);
        // An awaitable hello (maxAwaitTimeMS) and a getMore of a change stream (maxTimeMS) wait on purpose.
        var name = command.GetElement(0).Name;
        if (elapsed < Threshold || command.Contains("maxAwaitTimeMS") || (name == "getMore" && command.Contains("maxTimeMS"))) return;
        // getMore names its collection in "collection"; the other commands in their first field.
        var collection = command[0] is BsonString target ? target.Value : command.GetValue("collection", BsonNull.Value) is BsonString named ? named.Value : null;
        var database = command.TryGetValue("$db", out var db) && db is BsonString dbName ? dbName.Value : "?";
        var line = new StringBuilder("Slow query: ").Append(name).Append(' ').Append(database);
        if (collection is not null) line.Append('.').Append(collection);
        line.Append(' ').Append((long)elapsed.TotalMilliseconds).Append(" ms ");
        var shape = new StringBuilder();
        foreach (var element in command)
        {
            if (element.Name is "filter" or "query" or "q" or "pipeline" or "sort" or "updates" or "deletes" or "update" or "hint")
            {
                shape.Append(element.Name).Append(": ");
                AppendShape(shape, element.Value);
                shape.Append(' ');
            }
            if (shape.Length > MaxShapeLength) break;
        }
        line.Append(shape.Length > MaxShapeLength ? shape.ToString(0, MaxShapeLength) + "…" : shape.ToString().TrimEnd());
        write(line.ToString());
    }

    private static void AppendShape(StringBuilder shape, BsonValue value)
    {
        if (shape.Length > MaxShapeLength) return;
        switch (value)
        {
            case BsonDocument document:
                shape.Append('{');
                var first = true;
                foreach (var element in document)
                {
                    if (!first) shape.Append(", ");
                    first = false;
                    shape.Append(element.Name).Append(": ");
                    AppendShape(shape, element.Value);
                }
                shape.Append('}');
                break;
            case BsonArray array when array.Count > 0 && array[0] is BsonDocument:
                shape.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) shape.Append(", ");
                    AppendShape(shape, array[i]);
                }
                shape.Append(']');
                break;
            // Field paths ("$receivedAt") and sort/index directions are the query's shape, not its data.
            case BsonString path when path.Value.StartsWith('$'):
                shape.Append('"').Append(path.Value).Append('"');
                break;
            case BsonInt32 direction when direction.Value is 1 or -1:
                shape.Append(direction.Value);
                break;
            default:
                shape.Append('?');
                break;
        }
    }
}
