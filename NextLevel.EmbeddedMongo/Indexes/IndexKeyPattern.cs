using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Indexes;

/// <summary>The parsed key pattern of an index: dotted field paths with their directions, or a text index.</summary>
internal sealed class IndexKeyPattern
{
    private IndexKeyPattern(string[] paths, bool[] descending, bool isText)
    {
        Paths = paths;
        Descending = descending;
        IsText = isText;
        PathParts = paths.Select(path => path.Split('.')).ToArray();
        HasPositionalComponent = PathParts.Any(parts => parts.Any(part => part.Length > 0 && part.All(char.IsAsciiDigit)));
    }

    public string[] Paths { get; }

    public string[][] PathParts { get; }

    public bool[] Descending { get; }

    /// <summary>True for a text index, whose entries this engine does not keep ($text scans the collection).</summary>
    public bool IsText { get; }

    /// <summary>A path like "a.0.b" can mean an array position; the planner leaves such indexes alone.</summary>
    public bool HasPositionalComponent { get; }

    /// <summary>True for the <c>"text"</c> of a key pattern like <c>{ title: "text" }</c>.</summary>
    public static bool IsTextValue(BsonValue value) => value.IsString && value.AsString == "text";

    public static IndexKeyPattern From(BsonDocument key)
    {
        var isText = key.Values.Any(IsTextValue);
        var paths = key.Names.ToArray();
        var descending = key.Values.Select(value => value.IsNumeric && value.ToDouble() < 0).ToArray();
        return new IndexKeyPattern(paths, descending, isText);
    }
}
