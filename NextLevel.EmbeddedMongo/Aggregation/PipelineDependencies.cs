using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace NextLevel.EmbeddedMongo.Aggregation;

/// <summary>
/// MongoDB's dependency analysis in short: when no whole input document can reach the output — the pipeline
/// reshapes (a $group, $count or inclusion $project) after only $match, $sort, $skip and $limit — the input documents
/// are read with just the fields those stages name (down to the named parts of embedded documents), so a $group over
/// large documents does not decode every field of every one. The set is a superset: every key and every "$path" in the stages up to the reshape
/// counts, whatever its role.
/// [Stateless - ThreadSafe]
/// </summary>
public static class PipelineDependencies
{
    /// <summary>The top-level fields the pipeline reads (always with _id), or null when it needs whole documents.</summary>
    public static IReadOnlySet<string>? TopLevelFields(BsonArray stages) =>
        Paths(stages) is { } paths ? paths.Select(FirstSegment).ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>
    /// The field paths the pipeline reads (always with _id; "qualification.score" rather than all of "qualification"),
    /// or null when it needs whole documents. <see cref="FieldReader"/> decodes just these.
    /// </summary>
    public static IReadOnlySet<string>? Paths(BsonArray stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var fields = new HashSet<string>(StringComparer.Ordinal) { "_id" };
        foreach (var value in stages)
        {
            if (value is not BsonDocument { ElementCount: 1 } stage) return null;
            var element = stage.GetElement(0);
            switch (element.Name)
            {
                case "$match" or "$sort" or "$skip" or "$limit":
                    if (!Collect(element.Value, fields)) return null;
                    continue;
                case "$group" or "$count":
                    return Collect(element.Value, fields) ? fields : null;
                case "$project" when element.Value is BsonDocument projection && IsInclusion(projection):
                    return Collect(projection, fields) ? fields : null;
                default:
                    return null;
            }
        }
        // Only filters and orders: whole documents reach the output.
        return null;
    }

    /// <summary>Decodes only <paramref name="fields"/> of a stored document, in their stored order; the rest is skipped unread.</summary>
    public static BsonDocument Read(byte[] bytes, IReadOnlySet<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new FieldReader(fields).Read(bytes);
    }

    /// <summary>
    /// Reads the named fields of stored documents: element names are compared as UTF-8 bytes and only the named
    /// values are decoded (<see cref="Bson.RawBsonDecoder"/>). A dotted path decodes only that part of an embedded
    /// document (and of each document in an array on the way), so "qualification.score" does not decode the rest of
    /// "qualification". A path with a numeric part (an array position in a filter) reads its top-level field whole.
    /// Make one per query run. [Immutable - ThreadSafe]
    /// </summary>
    public sealed class FieldReader
    {
        private readonly IReadOnlySet<string> _fields;
        private readonly PathNode _root = new();

        public FieldReader(IReadOnlySet<string> paths)
        {
            ArgumentNullException.ThrowIfNull(paths);
            _fields = paths.Select(FirstSegment).ToHashSet(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                var parts = path.Split('.');
                if (parts.Any(part => part.Length > 0 && part.All(char.IsAsciiDigit))) parts = [parts[0]];
                _root.Add(parts, 0);
            }
        }

        public BsonDocument Read(byte[] bytes)
        {
            ArgumentNullException.ThrowIfNull(bytes);
            return ReadDocument(bytes, _root) ?? ReadWithDriver(bytes, _fields);
        }

        /// <summary>The named parts of a document; null when a value needs the driver (the caller then reads the top-level fields with it).</summary>
        private static BsonDocument? ReadDocument(ReadOnlySpan<byte> bytes, PathNode node)
        {
            var document = new BsonDocument();
            foreach (var (type, name, content) in new Bson.RawBsonDecoder.Elements(bytes))
            {
                if (node.Child(name) is not { } child) continue;
                var value = child.IsWhole ? Decode(type, content) : ReadPart(type, content, child);
                if (value is null) return null;
                document.Add(child.Name, value);
            }
            return document;
        }

        private static BsonValue? ReadPart(MongoDB.Bson.BsonType type, ReadOnlySpan<byte> content, PathNode node)
        {
            switch (type)
            {
                case MongoDB.Bson.BsonType.Document:
                    return ReadDocument(content, node);
                case MongoDB.Bson.BsonType.Array:
                    // A path through an array reads that part of each document in it; other elements are kept as they are.
                    var array = new BsonArray();
                    foreach (var (elementType, _, elementContent) in new Bson.RawBsonDecoder.Elements(content))
                    {
                        var element = elementType == MongoDB.Bson.BsonType.Document ? ReadDocument(elementContent, node) : Decode(elementType, elementContent);
                        if (element is null) return null;
                        array.Add(element);
                    }
                    return array;
                default:
                    return Decode(type, content);
            }
        }

        private static BsonValue? Decode(MongoDB.Bson.BsonType type, ReadOnlySpan<byte> content) =>
            Bson.RawBsonDecoder.TryValue(type, content, out var value) ? value : null;

        /// <summary>One level of the paths: a field read whole, or only some of its fields.</summary>
        private sealed class PathNode
        {
            private readonly List<(byte[] Utf8, PathNode Node)> _children = [];

            public string Name { get; private init; } = "";

            public bool IsWhole { get; private set; }

            public void Add(string[] parts, int depth)
            {
                if (IsWhole) return;
                if (depth == parts.Length)
                {
                    IsWhole = true;
                    _children.Clear();
                    return;
                }
                var child = _children.FirstOrDefault(c => c.Node.Name == parts[depth]).Node;
                if (child is null)
                {
                    child = new PathNode { Name = parts[depth] };
                    _children.Add((System.Text.Encoding.UTF8.GetBytes(parts[depth]), child));
                }
                child.Add(parts, depth + 1);
            }

            public PathNode? Child(ReadOnlySpan<byte> name)
            {
                foreach (var (utf8, node) in _children)
                {
                    if (name.SequenceEqual(utf8)) return node;
                }
                return null;
            }
        }
    }

    private static BsonDocument ReadWithDriver(byte[] bytes, IReadOnlySet<string> fields)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(fields);
        using var reader = new BsonBinaryReader(new MemoryStream(bytes, writable: false));
        var context = BsonDeserializationContext.CreateRoot(reader);
        var document = new BsonDocument();
        reader.ReadStartDocument();
        while (reader.ReadBsonType() != BsonType.EndOfDocument)
        {
            var name = reader.ReadName();
            if (fields.Contains(name)) document.Add(name, BsonValueSerializer.Instance.Deserialize(context));
            else reader.SkipValue();
        }
        reader.ReadEndDocument();
        return document;
    }

    /// <summary>$project without exclusions other than _id (an exclusion projection passes every other field on).</summary>
    private static bool IsInclusion(BsonDocument projection)
    {
        foreach (var element in projection)
        {
            if (element.Name == "_id") continue;
            if (element.Value is BsonBoolean { Value: false } || (element.Value.IsNumeric && element.Value.ToDouble() == 0)) return false;
        }
        return true;
    }

    /// <summary>Adds the first segment of every key and "$path"; false when the whole document is needed.</summary>
    private static bool Collect(BsonValue value, HashSet<string> fields)
    {
        switch (value)
        {
            case BsonDocument document:
                foreach (var element in document)
                {
                    // Operators that look at the whole document or at fields not named in the spec.
                    if (element.Name is "$text" or "$where" or "$jsonSchema" or "$$ROOT" or "$$CURRENT") return false;
                    if (!element.Name.StartsWith('$')) fields.Add(element.Name);
                    if (!Collect(element.Value, fields)) return false;
                }
                return true;
            case BsonArray array:
                foreach (var item in array)
                {
                    if (!Collect(item, fields)) return false;
                }
                return true;
            case BsonString { Value: var text } when text.StartsWith("$$", StringComparison.Ordinal):
                var variable = FirstSegment(text[2..]);
                return variable is not ("ROOT" or "CURRENT");
            case BsonString { Value: var text } when text.Length > 1 && text[0] == '$':
                fields.Add(text[1..]);
                return true;
            default:
                return true;
        }
    }

    private static string FirstSegment(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? path : path[..dot];
    }
}
