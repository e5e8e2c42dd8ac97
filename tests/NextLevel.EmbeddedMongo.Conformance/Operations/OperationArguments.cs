using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Conformance.Execution;

namespace NextLevel.EmbeddedMongo.Conformance.Operations;

/// <summary>
/// The arguments of one operation. Every argument the runner reads is marked as used; <see cref="EnsureAllUsed"/>
/// then reports any argument the runner did not map to the driver, so that no option is silently dropped.
/// </summary>
public sealed class OperationArguments(string operationName, BsonDocument arguments)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string OperationName => operationName;

    public bool Has(string name) => arguments.Contains(name);

    public BsonValue Required(string name)
    {
        if (!arguments.TryGetValue(name, out var value))
            throw new InvalidOperationException($"operation '{operationName}' needs the argument '{name}'");
        _used.Add(name);
        return value;
    }

    public BsonValue? Optional(string name)
    {
        if (!arguments.TryGetValue(name, out var value)) return null;
        _used.Add(name);
        return value;
    }

    public BsonDocument RequiredDocument(string name) => Required(name).AsBsonDocument;

    public BsonDocument? OptionalDocument(string name) => Optional(name)?.AsBsonDocument;

    public string RequiredString(string name) => Required(name).AsString;

    public string? OptionalString(string name) => Optional(name)?.AsString;

    public bool? OptionalBool(string name) => Optional(name)?.ToBoolean();

    public int? OptionalInt(string name) => Optional(name)?.ToInt32();

    public long? OptionalLong(string name) => Optional(name)?.ToInt64();

    public TimeSpan? OptionalMilliseconds(string name) => Optional(name) is { } value ? TimeSpan.FromMilliseconds(value.ToDouble()) : null;

    /// <summary>Marks arguments that are accepted and deliberately have no effect through this runner.</summary>
    public void Accept(string name) => _used.Add(name);

    /// <summary>Every argument the test gives but the runner did not use, in file order.</summary>
    public IEnumerable<string> Unused => arguments.Names.Where(name => !_used.Contains(name));

    public void EnsureAllUsed()
    {
        var unused = Unused.ToList();
        if (unused.Count > 0)
            throw new UnsupportedByRunnerException($"argument{(unused.Count > 1 ? "s" : "")} {string.Join(", ", unused.Select(u => $"'{u}'"))} of '{operationName}'");
    }
}
