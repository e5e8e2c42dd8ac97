namespace NextLevel.EmbeddedMongo.Engine;

/// <summary>
/// Marks a <see cref="MongoEngine"/> method as the handler of one or more commands. Handlers have the shape
/// <c>ValueTask&lt;BsonDocument&gt; XxxAsync(CommandContext context, BsonDocument command, CancellationToken ct)</c>
/// and live in Engine/Commands/, one partial file per command or command family.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class MongoCommandAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
